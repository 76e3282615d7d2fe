/**
 * The components of GOV.UK Frontend the console starts, as its ES module exports them (the package
 * ships no type declarations). Each takes the root element its `data-module` names.
 */
declare module 'govuk-frontend' {
  export class ErrorSummary {
    constructor(root: Element);
  }
  export class SkipLink {
    constructor(root: Element);
  }
  export class ServiceNavigation {
    constructor(root: Element);
  }
}
