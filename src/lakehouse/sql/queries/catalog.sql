-- Every table and view of the lakehouse with its columns, for /catalog.
SELECT c.table_schema AS schema_name, c.table_name, t.table_type, c.column_name, c.data_type, c.ordinal_position
FROM information_schema.columns c
JOIN information_schema.tables t USING (table_schema, table_name)
WHERE c.table_schema IN ('raw', 'bronze', 'silver', 'gold', 'meta')
ORDER BY c.table_schema, c.table_name, c.ordinal_position
