import { ServiceNavigation, SkipLink } from 'govuk-frontend';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { tokenStore } from './api';
import { useGovukComponent } from './govuk';
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
  const signedInNow = tokenStore.get() !== null;
  return (
    <>
      <ServiceHeader key={signedInNow ? 'signed in' : 'signed out'} signedIn={signedInNow} />
      <div class="govuk-width-container">
        {signedInNow && (
          <p class="govuk-body govuk-!-margin-top-4">
            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={signOut}>
              Sign out
            </button>
          </p>
        )}
        <main class="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <Page route={route} onSignedIn={signedIn} />
        </main>
      </div>
    </>
  );
}

/**
 * The service navigation, not the GOV.UK header: the crown and GOV.UK name are for GOV.UK's own
 * services. Signed in, it holds the console's navigation, which GOV.UK Frontend folds behind a menu
 * button on a narrow screen; drawn anew on signing in or out, so that the menu it holds is started.
 */
function ServiceHeader({ signedIn }: { signedIn: boolean }) {
  const root = useGovukComponent<HTMLElement>((element) => new ServiceNavigation(element));
  return (
    <header class="govuk-service-navigation" data-module="govuk-service-navigation" ref={root}>
      <div class="govuk-width-container">
        <div class="govuk-service-navigation__container">
          <span class="govuk-service-navigation__service-name">
            <span class="govuk-service-navigation__text">Service plan console (read only)</span>
          </span>
          {signedIn && (
            <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
              <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="console-navigation" hidden>
                Menu
              </button>
              <ul class="govuk-service-navigation__list" id="console-navigation">
                <li class="govuk-service-navigation__item">
                  <a class="govuk-service-navigation__link" href={href(['plans'])}>
                    All plans
                  </a>
                </li>
              </ul>
            </nav>
          )}
        </div>
      </div>
    </header>
  );
}

// GOV.UK Frontend's components start only on a body marked as supporting them, which its page
// template marks with an inline script: the console's Content-Security-Policy allows none.
document.body.classList.add('govuk-frontend-supported');
render(<Console />, document.getElementById('console')!);

const skipLink = document.querySelector('.govuk-skip-link')!;
new SkipLink(skipLink);
// GOV.UK Frontend moves focus to the main content; the link must not also write `#main-content` over the page's address, which the hash routing owns.
skipLink.addEventListener('click', (event) => event.preventDefault());
