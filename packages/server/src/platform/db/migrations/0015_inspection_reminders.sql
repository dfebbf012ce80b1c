-- Reminders of the recommendations that follow an inspection: due within the reminder window, and
-- overdue (to the responsible unit and to the issuing unit). They go to the notification table,
-- whose kinds are a closed list; the payload carries the recommendation id, the deadline and the
-- responsible unit's name only.

ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN ('due_soon', 'overdue',
  'escalated_leader', 'escalated_province', 'plan_submitted', 'plan_approved', 'plan_rejected',
  'closure_proposed', 'assigned', 'digest', 'recommendation_due_soon', 'recommendation_overdue'));
COMMENT ON COLUMN notification.kind IS 'Loại: due_soon (sắp đến hạn), overdue (quá hạn), escalated_leader (báo lãnh đạo xã), escalated_province (báo cấp tỉnh), plan_submitted, plan_approved, plan_rejected, closure_proposed, assigned, digest (bản tin ngày), recommendation_due_soon (kiến nghị sau kiểm tra sắp đến hạn), recommendation_overdue (kiến nghị sau kiểm tra quá hạn)';
COMMENT ON COLUMN notification.payload IS 'Dữ liệu hiển thị không có thông tin cá nhân: số vụ việc, bước, hạn, số đếm của bản tin; với kiến nghị: mã kiến nghị, thời hạn, tên đơn vị thực hiện';

-- The daily reminder scan reads the open recommendations by deadline.
CREATE INDEX inspection_recommendation_open_deadline ON inspection_recommendation (deadline)
  WHERE status <> 'done';
