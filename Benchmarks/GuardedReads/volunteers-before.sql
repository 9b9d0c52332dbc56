SELECT id, dong_code, name, gender, phone, skills, has_car, weekly_cap_minutes, notes, closed, version FROM volunteer ORDER BY id;
