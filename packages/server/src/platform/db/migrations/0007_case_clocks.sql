-- The running clocks of a case, copied from the state derived by the domain in the same
-- transaction as each action, so that work queues, alerts and escalation read them with SQL
-- instead of replaying every case. Only steps and due instants: nothing confidential.

ALTER TABLE child_case ADD COLUMN open_deadlines jsonb NOT NULL DEFAULT '[]'::jsonb
  CHECK (jsonb_typeof(open_deadlines) = 'array');
ALTER TABLE child_case ADD COLUMN next_due_at timestamptz;
ALTER TABLE child_case ADD COLUMN due_soon_at timestamptz;
COMMENT ON COLUMN child_case.open_deadlines IS 'Các thời hạn đang chạy: [{clockId, step, dueAt, dueSoonHours}] (bản sao từ diễn biến, không có nội dung bảo mật)';
COMMENT ON COLUMN child_case.next_due_at IS 'Thời hạn sớm nhất của các bước đang chạy; NULL khi không có';
COMMENT ON COLUMN child_case.due_soon_at IS 'Thời điểm sớm nhất một thời hạn đang chạy chuyển sang "sắp đến hạn"; NULL khi không có';

CREATE INDEX child_case_next_due ON child_case (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE INDEX child_case_assigned ON child_case (assigned_officer_id, status);
