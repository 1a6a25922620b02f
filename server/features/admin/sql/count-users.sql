-- How many accounts exist (demo accounts are only created on an empty account table).
SELECT count(*) AS n FROM app_user
