SELECT * FROM household WHERE id IN (SELECT household_id FROM escort_request WHERE status = 'pending' ORDER BY appointment_at, id LIMIT 200);
