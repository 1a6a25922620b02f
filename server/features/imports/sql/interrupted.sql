-- At start-up: jobs that were reading, validating or committing when the server stopped can never finish (their
-- work was in the old process; a commit's transaction was rolled back). Mark them failed.
UPDATE import_job SET state = 'failed', progress = NULL, updated_at = now(),
  error = jsonb_build_object('code', 'import_interrupted',
    'message', 'Máy chủ đã khởi động lại khi đang xử lý; hãy kiểm tra lại tệp. / The server restarted during processing; analyse the file again.')
WHERE state IN ('reading', 'validating', 'committing')
