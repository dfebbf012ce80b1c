import { type Permission, permissionLabels } from '@tuoitho/domain';
import { currentLanguage } from '../../i18n';
import { usePermissions } from './api';

/** Label of a permission in the current language: from GET /permissions, else the domain's table. */
export function usePermissionLabel(): (permission: Permission) => string {
  const permissions = usePermissions();
  const language = currentLanguage();
  return (permission) => {
    const info = permissions.data?.find((candidate) => candidate.code === permission);
    return info ? info[language] : permissionLabels[permission][language];
  };
}
