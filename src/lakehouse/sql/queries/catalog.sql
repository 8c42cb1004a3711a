-- Every table and view of the lakehouse with its columns and their descriptions, for /catalog.
SELECT c.table_schema AS schema_name, c.table_name, t.table_type, c.column_name, c.data_type, c.ordinal_position,
       td.description AS table_description, cd.description AS column_description  -- meta.descriptions (0003)
FROM information_schema.columns c
JOIN information_schema.tables t USING (table_schema, table_name)
LEFT JOIN meta.descriptions td ON td.schema_name = c.table_schema AND td.table_name = c.table_name AND td.column_name = ''
LEFT JOIN meta.descriptions cd ON cd.schema_name = c.table_schema AND cd.table_name = c.table_name AND cd.column_name = c.column_name
WHERE c.table_schema IN ('raw', 'bronze', 'silver', 'gold', 'meta')
ORDER BY c.table_schema, c.table_name, c.ordinal_position
