-- The An Phụ industrial cluster's project code (NULL when the data does not name one). One row.
SELECT (SELECT value FROM dataset_info WHERE key = 'an_phu_cluster_code') AS code
