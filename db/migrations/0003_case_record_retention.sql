-- New record tables join the retention hold: DELETE and TRUNCATE refused, soft-delete columns guarded.
SELECT retention_protect_all();
