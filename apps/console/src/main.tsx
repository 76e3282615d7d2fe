import { render } from 'preact';
import { useState } from 'preact/hooks';
import { tokenStore } from './api';
import { CouncilExceptionsPage, CouncilReportPage } from './pages/council';
import { IntegrityPage } from './pages/integrity';
import { PlanPage } from './pages/plan';
import { PlansListPage } from './pages/plans-list';
import { ReportPage } from './pages/report';
import { SignInPage } from './pages/sign-in';
import { TimelinePage } from './pages/timeline';
import { DiffPage, VersionsPage } from './pages/versions';
import { go, href, routeOf, useRoute, type Route } from './route';

/** The first part of every page's address: a plan's pages, and the council's reports across its plans. */
const PAGE_GROUPS = new Set(['plans', 'reports']);

/** Each page by its address, e.g. `#/plans/<id>/report/2023-24-Q2` or `#/plans/<id>?asOf=<instant>`. */
function Page({ route, onSignedIn }: { route: Route; onSignedIn: () => void }) {
  const [first, planId, page, ...rest] = route.path;
  if (!PAGE_GROUPS.has(first) || !tokenStore.get()) return <SignInPage onSignedIn={onSignedIn} />;
  if (first === 'reports') return <CouncilPage period={route.path[1]} page={route.path[2]} route={route} />;
  if (planId === undefined) return <PlansListPage route={route} />;
  switch (page) {
    case undefined:
      return <PlanPage planId={planId} route={route} />;
    case 'timeline':
      return <TimelinePage planId={planId} route={route} />;
    case 'versions':
      return <VersionsPage planId={planId} />;
    case 'diff':
      return <DiffPage planId={planId} from={rest[0]} to={rest[1]} />;
    case 'report':
      return <ReportPage planId={planId} period={rest[0]} route={route} />;
    case 'integrity':
      return <IntegrityPage planId={planId} />;
    default:
      return <p class="govuk-body">There is no such page of a plan.</p>;
  }
}

/** `#/reports/<period>` and `#/reports/<period>/exceptions`: the council's report across its plans. */
function CouncilPage({ period, page, route }: { period?: string; page?: string; route: Route }) {
  if (period === undefined) return <p class="govuk-body">Choose a period from the plans list.</p>;
  if (page === undefined) return <CouncilReportPage period={period} route={route} />;
  if (page === 'exceptions') return <CouncilExceptionsPage period={period} route={route} />;
  return <p class="govuk-body">There is no such page of a council report.</p>;
}

function Console() {
  const route = useRoute();
  const [, setSignIns] = useState(0);
  // A cited address opened before signing in is shown once signed in; any other goes to the plans.
  const signedIn = () => {
    if (!PAGE_GROUPS.has(routeOf(location.hash).path[0])) go(['plans']);
    setSignIns((count) => count + 1);
  };
  const signOut = () => {
    tokenStore.clear();
    setSignIns((count) => count + 1);
  };
  return (
    <>
      {tokenStore.get() && (
        <p class="govuk-body govuk-!-margin-top-4">
          <a class="govuk-link" href={href(['plans'])}>
            All plans
          </a>{' '}
          ·{' '}
          <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={signOut}>
            Sign out
          </button>
        </p>
      )}
      <main class="govuk-main-wrapper" id="main-content" tabIndex={-1}>
        <Page route={route} onSignedIn={signedIn} />
      </main>
    </>
  );
}

render(<Console />, document.getElementById('console')!);

// The skip link moves focus without writing `#main-content` over the page's address, which the hash routing owns.
document.querySelector('.govuk-skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main-content')?.focus();
});
