import { Flex, Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useSession } from '../features/auth/api';
import { isNavItemAllowed, type NavKey, navItems } from './navigation';
import { ForbiddenPage, NotFoundPage } from './StatusPages';

const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const ChildrenPage = lazy(() => import('../features/children/ChildrenPage'));
const ChildProfilePage = lazy(() => import('../features/children/ChildProfilePage'));
const ChildFormPage = lazy(() => import('../features/children/ChildFormPage'));
const ChildTransfersPage = lazy(() => import('../features/children/ChildTransfersPage'));
const ChildImportPage = lazy(() => import('../features/children/import/ChildImportPage'));
const CasesPage = lazy(() => import('../features/cases/CasesPage'));
const CaseIntakePage = lazy(() => import('../features/cases/CaseIntakePage'));
const CasePage = lazy(() => import('../features/cases/CasePage'));
const ServiceProvidersPage = lazy(() => import('../features/cases/providers/ServiceProvidersPage'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const RolesPage = lazy(() => import('../features/roles/RolesPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage'));
const HolidaysPage = lazy(() => import('../features/holidays/HolidaysPage'));
const BenefitsPage = lazy(() => import('../features/benefits/BenefitsPage'));
const BenefitCataloguePage = lazy(() => import('../features/benefits/BenefitCataloguePage'));
const InspectionsPage = lazy(() => import('../features/inspections/InspectionsPage'));
const InspectionPlanPage = lazy(() => import('../features/inspections/PlanPage'));
const InspectionSessionPage = lazy(() => import('../features/inspections/SessionPage'));
const ChildFriendlyPage = lazy(() => import('../features/childFriendly/ChildFriendlyPage'));
const AssessmentPage = lazy(() => import('../features/childFriendly/AssessmentPage'));
const ProgrammesPage = lazy(() => import('../features/programmes/ProgrammesPage'));
const ProgrammePage = lazy(() => import('../features/programmes/ProgrammePage'));
const DocumentsPage = lazy(() => import('../features/programmes/documents/DocumentsPage'));
const ActivitiesPage = lazy(() => import('../features/programmes/activities/ActivitiesPage'));
const ActivityPage = lazy(() => import('../features/programmes/activities/ActivityPage'));
const CommunicationsPage = lazy(() => import('../features/outreach/CommunicationsPage'));
const IncidentsPage = lazy(() => import('../features/outreach/incidents/IncidentsPage'));
const FacilitiesPage = lazy(() => import('../features/outreach/facilities/FacilitiesPage'));

function PageSpinner() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Renders the page when the menu would show it; a direct link without permission gets a 403 page. */
function Guarded({ navKey, children }: { navKey: NavKey; children: ReactNode }): ReactNode {
  const { user } = useSession();
  const item = navItems.find((candidate) => candidate.key === navKey);
  const isAllowed = item ? isNavItemAllowed(item, user.permissions) : false;
  return isAllowed ? children : <ForbiddenPage />;
}

/** Routes of the back office, one lazily loaded chunk per feature. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route index element={<DashboardPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="children">
          <Route
            index
            element={
              <Guarded navKey="children">
                <ChildrenPage />
              </Guarded>
            }
          />
          <Route
            path="new"
            element={
              <Guarded navKey="children">
                <ChildFormPage />
              </Guarded>
            }
          />
          <Route
            path="import/:id?"
            element={
              <Guarded navKey="children">
                <ChildImportPage />
              </Guarded>
            }
          />
          <Route
            path="transfers"
            element={
              <Guarded navKey="childTransfers">
                <ChildTransfersPage />
              </Guarded>
            }
          />
          <Route
            path=":id"
            element={
              <Guarded navKey="children">
                <ChildProfilePage />
              </Guarded>
            }
          />
          <Route
            path=":id/edit"
            element={
              <Guarded navKey="children">
                <ChildFormPage />
              </Guarded>
            }
          />
        </Route>
        <Route path="cases">
          <Route
            index
            element={
              <Guarded navKey="cases">
                <CasesPage />
              </Guarded>
            }
          />
          <Route
            path="new"
            element={
              <Guarded navKey="cases">
                <CaseIntakePage />
              </Guarded>
            }
          />
          <Route
            path="providers"
            element={
              <Guarded navKey="caseProviders">
                <ServiceProvidersPage />
              </Guarded>
            }
          />
          <Route
            path=":id"
            element={
              <Guarded navKey="cases">
                <CasePage />
              </Guarded>
            }
          />
        </Route>
        <Route path="benefits">
          <Route
            index
            element={
              <Guarded navKey="benefits">
                <BenefitsPage />
              </Guarded>
            }
          />
          <Route
            path="catalogue"
            element={
              <Guarded navKey="benefitCatalogue">
                <BenefitCataloguePage />
              </Guarded>
            }
          />
        </Route>
        <Route path="programmes">
          <Route
            index
            element={
              <Guarded navKey="programmes">
                <ProgrammesPage />
              </Guarded>
            }
          />
          <Route
            path=":id"
            element={
              <Guarded navKey="programmes">
                <ProgrammePage />
              </Guarded>
            }
          />
        </Route>
        <Route path="activities">
          <Route
            index
            element={
              <Guarded navKey="activities">
                <ActivitiesPage />
              </Guarded>
            }
          />
          <Route
            path=":id"
            element={
              <Guarded navKey="activities">
                <ActivityPage />
              </Guarded>
            }
          />
        </Route>
        <Route
          path="documents"
          element={
            <Guarded navKey="planDocuments">
              <DocumentsPage />
            </Guarded>
          }
        />
        <Route
          path="communications"
          element={
            <Guarded navKey="communications">
              <CommunicationsPage />
            </Guarded>
          }
        />
        <Route
          path="incidents"
          element={
            <Guarded navKey="incidents">
              <IncidentsPage />
            </Guarded>
          }
        />
        <Route
          path="facilities"
          element={
            <Guarded navKey="facilities">
              <FacilitiesPage />
            </Guarded>
          }
        />
        <Route path="inspections">
          <Route
            index
            element={
              <Guarded navKey="inspections">
                <InspectionsPage />
              </Guarded>
            }
          />
          <Route
            path="plans/:id"
            element={
              <Guarded navKey="inspections">
                <InspectionPlanPage />
              </Guarded>
            }
          />
          <Route
            path="sessions/:id"
            element={
              <Guarded navKey="inspections">
                <InspectionSessionPage />
              </Guarded>
            }
          />
        </Route>
        <Route path="child-friendly">
          <Route
            index
            element={
              <Guarded navKey="childFriendly">
                <ChildFriendlyPage />
              </Guarded>
            }
          />
          <Route
            path=":id"
            element={
              <Guarded navKey="childFriendly">
                <AssessmentPage />
              </Guarded>
            }
          />
        </Route>
        <Route
          path="units"
          element={
            <Guarded navKey="units">
              <UnitsPage />
            </Guarded>
          }
        />
        <Route
          path="users"
          element={
            <Guarded navKey="users">
              <UsersPage />
            </Guarded>
          }
        />
        <Route
          path="roles"
          element={
            <Guarded navKey="roles">
              <RolesPage />
            </Guarded>
          }
        />
        <Route
          path="audit"
          element={
            <Guarded navKey="audit">
              <AuditPage />
            </Guarded>
          }
        />
        <Route
          path="holidays"
          element={
            <Guarded navKey="holidays">
              <HolidaysPage />
            </Guarded>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
