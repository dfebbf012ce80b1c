-- The province officer reads a commune's case content only by giving a reason, kept in the read
-- log (ADR 0009). That needs `cases.content.read` on the system role `province_officer`, which
-- databases created before this change lack (system roles are inserted once and never
-- overwritten). Added here once; an administrator may still remove it in Roles.

UPDATE role
SET permissions = array_append(permissions, 'cases.content.read'),
    version = version + 1,
    updated_at = now()
WHERE code = 'province_officer'
  AND is_system
  AND NOT ('cases.content.read' = ANY (permissions));
