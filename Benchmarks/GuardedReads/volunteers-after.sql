SELECT id, dong_code, name, gender, phone, skills, has_car, weekly_cap_minutes, notes, closed, version FROM seen_volunteer ORDER BY id;
