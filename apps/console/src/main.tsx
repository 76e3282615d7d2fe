import { render } from 'preact';
import { useState } from 'preact/hooks';
import { tokenStore } from './api';
import { IntegrityPage } from './pages/integrity';
import { PlanPage } from './pages/plan';
import { PlansListPage } from './pages/plans-list';
import { ReportPage } from './pages/report';
import { SignInPage } from './pages/sign-in';
import { TimelinePage } from './pages/timeline';
import { DiffPage, VersionsPage } from './pages/versions';
import { go, href, useRoute, type Route } from './route';

/** Each page by its address, e.g. `#/plans/<id>/report/2023-24-Q2` or `#/plans/<id>?asOf=<instant>`. */
function Page({ route, onSignedIn }: { route: Route; onSignedIn: () => void }) {
  const [first, planId, page, ...rest] = route.path;
  if (first !== 'plans' || !tokenStore.get()) return <SignInPage onSignedIn={onSignedIn} />;
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
      return <ReportPage planId={planId} period={rest[0]} />;
    case 'integrity':
      return <IntegrityPage planId={planId} />;
    default:
      return <p class="govuk-body">There is no such page of a plan.</p>;
  }
}

function Console() {
  const route = useRoute();
  const [, setSignIns] = useState(0);
  // A cited address opened before signing in is shown once signed in; any other goes to the plans.
  const signedIn = () => {
    if (!location.hash.startsWith('#/plans')) go(['plans']);
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
