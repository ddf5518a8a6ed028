import type {
  GovernancePolicy,
  MeshGovernanceSummary,
  ProductGovernance,
  RuleCompliance,
} from '../api';

// Governance answers of the backend for the Premium Offices demo mesh, shaped exactly as
// its routes answer (see api/types.ts); the numbers add up as the backend computes them.

export const EVALUATED_AT = '2026-11-20T08:00:00.000Z';

/** Credit risk dashboard: one error and one warning failed. */
export function failingProduct(): ProductGovernance {
  return {
    entityRef: 'dataproduct:default/credit-risk-dashboard',
    domain: 'domain:default/capital-markets',
    owner: 'group:default/capital-markets-data-team',
    status: 'failing',
    failedErrors: 1,
    failedWarnings: 1,
    evaluatedAt: EVALUATED_AT,
    results: [
      {
        ruleId: 'mesh/required-metadata',
        severity: 'error',
        passed: true,
        message:
          'Sets spec.owner, spec.domain, spec.description.purpose, spec.classification, spec.sla',
      },
      {
        // Sorts before the failed error by id: the card must still put the error first.
        ruleId: 'mesh/contract-quality',
        severity: 'warning',
        passed: false,
        message:
          'Declare quality rules in contract api:default/credit-risk-exposure (a quality list on its schema objects or columns: completeness, uniqueness, valid values) so consumers know what is guaranteed',
        path: 'spec.outputPorts[0].contract',
      },
      {
        ruleId: 'mesh/output-port-contract',
        severity: 'error',
        passed: false,
        message:
          "Register the contract of output port exposures: api:default/credit-risk-exposure is not in the catalog (add the contract file to the product's catalog-info.yaml targets, or fix the port's contractId)",
        path: 'spec.outputPorts[0].contract',
      },
    ],
  };
}

/** Entity ratings: every rule passed. */
export function passingProduct(): ProductGovernance {
  return {
    entityRef: 'dataproduct:default/entity-ratings',
    domain: 'domain:default/brokerage',
    owner: 'group:default/brokerage-data-team',
    status: 'passing',
    failedErrors: 0,
    failedWarnings: 0,
    evaluatedAt: EVALUATED_AT,
    results: [
      {
        ruleId: 'mesh/required-metadata',
        severity: 'error',
        passed: true,
        message:
          'Sets spec.owner, spec.domain, spec.description.purpose, spec.classification, spec.sla',
      },
      {
        ruleId: 'mesh/product-name',
        severity: 'error',
        passed: true,
        message: 'metadata.name matches ^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
      },
    ],
  };
}

const rules = (
  outputPortFailed: number,
  supportFailed: number,
): RuleCompliance[] => [
  { ruleId: 'mesh/required-metadata', passed: 5, failed: 0, compliance: 100 },
  {
    ruleId: 'mesh/output-port-contract',
    passed: 5 - outputPortFailed,
    failed: outputPortFailed,
    compliance: ((5 - outputPortFailed) * 100) / 5,
  },
  {
    ruleId: 'mesh/support-channel',
    passed: 5 - supportFailed,
    failed: supportFailed,
    compliance: ((5 - supportFailed) * 100) / 5,
  },
];

/** The five demo products: 2 passing, 2 warned, 1 failing, over three days. */
export function meshGovernanceSummary(): MeshGovernanceSummary {
  return {
    lastRun: {
      finishedAt: EVALUATED_AT,
      products: 5,
      written: 1,
      removed: 0,
      durationMs: 412,
    },
    totals: {
      products: 5,
      passing: 2,
      warning: 2,
      failing: 1,
      compliance: 80,
    },
    domains: [
      {
        domain: 'domain:default/asset',
        products: 1,
        passing: 1,
        warning: 0,
        failing: 0,
        compliance: 100,
      },
      {
        domain: 'domain:default/brokerage',
        products: 2,
        passing: 1,
        warning: 1,
        failing: 0,
        compliance: 100,
      },
      {
        domain: 'domain:default/capital-markets',
        products: 2,
        passing: 0,
        warning: 1,
        failing: 1,
        compliance: 50,
      },
    ],
    rules: rules(1, 3),
    worstOffenders: [
      {
        entityRef: 'dataproduct:default/credit-risk-dashboard',
        domain: 'domain:default/capital-markets',
        owner: 'group:default/capital-markets-data-team',
        status: 'failing',
        failedErrors: 1,
        failedWarnings: 1,
        evaluatedAt: EVALUATED_AT,
      },
      {
        entityRef: 'dataproduct:default/rental-income-forecast',
        domain: 'domain:default/capital-markets',
        owner: 'group:default/capital-markets-data-team',
        status: 'warning',
        failedErrors: 0,
        failedWarnings: 1,
        evaluatedAt: '2026-11-19T08:00:00.000Z',
      },
      {
        entityRef: 'dataproduct:default/tenancy-analytics',
        domain: 'domain:default/brokerage',
        owner: 'group:default/brokerage-data-team',
        status: 'warning',
        failedErrors: 0,
        failedWarnings: 1,
        evaluatedAt: '2026-11-18T08:00:00.000Z',
      },
    ],
    trend: [
      {
        day: '2026-11-18',
        products: 5,
        passing: 1,
        warning: 2,
        failing: 2,
        compliance: 60,
        rules: rules(2, 3),
      },
      {
        day: '2026-11-19',
        products: 5,
        passing: 2,
        warning: 2,
        failing: 1,
        compliance: 80,
        rules: rules(1, 3),
      },
      {
        day: '2026-11-20',
        products: 5,
        passing: 2,
        warning: 2,
        failing: 1,
        compliance: 80,
        rules: rules(1, 3),
      },
    ],
  };
}

/** A portal whose governance never ran, or whose catalog has no product. */
export function emptyGovernanceSummary(): MeshGovernanceSummary {
  return {
    lastRun: null,
    totals: {
      products: 0,
      passing: 0,
      warning: 0,
      failing: 0,
      compliance: null,
    },
    domains: [],
    rules: [],
    worstOffenders: [],
    trend: [],
  };
}

/** Three of the demo's policies, as GET /governance/policies parses them. */
export function governancePolicies(): GovernancePolicy[] {
  return [
    {
      id: 'mesh/required-metadata',
      type: 'required-fields',
      severity: 'error',
      description:
        'Every data product names its owner, domain, purpose, classification and service levels.',
      enabled: true,
      appliesTo: { kind: 'DataProduct' },
      params: {
        fields: [
          'spec.owner',
          'spec.domain',
          'spec.description.purpose',
          'spec.classification',
          'spec.sla',
        ],
      },
    },
    {
      id: 'mesh/output-port-contract',
      type: 'output-port-contract',
      severity: 'error',
      description:
        'Every output port has a contract registered in the catalog.',
      enabled: true,
      appliesTo: { kind: 'DataProduct' },
      params: {},
    },
    {
      id: 'mesh/support-channel',
      type: 'required-fields',
      severity: 'warning',
      description: 'Consumers know where to get help.',
      enabled: true,
      appliesTo: {
        kind: 'DataProduct',
        selector: { 'spec.lifecycle': ['production'] },
      },
      params: { fields: ['spec.support'] },
    },
  ];
}
