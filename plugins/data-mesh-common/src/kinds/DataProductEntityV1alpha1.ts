import type { JsonObject } from '@backstage/types';
import type { Entity } from '@backstage/catalog-model';
import type {
  Classification,
  DataProductType,
  OutputPortType,
} from './constants';

/** One way to consume a data product: a view, a table, an API, a stream, files. */
export type OutputPort = {
  name: string;
  type: OutputPortType;
  /** What the descriptor called the port type, when it was not one of ours. */
  originalType?: string;
  description?: string;
  /** Where to consume it: a table name, a URL, a topic, a path. */
  address?: string;
  version?: string;
  /** Entity ref of the contract's `API` entity (`api:default/<name>`). */
  contract?: string;
  /** The contract's id in the descriptor standard (ODCS id, DPDS promises). */
  contractId?: string;
  /** Anything else the descriptor says about the port, kept as it was. */
  details?: JsonObject;
};

/** What a data product reads: another data product (lineage) or an outside source. */
export type InputPort = {
  name: string;
  description?: string;
  /** Entity ref of an upstream DataProduct; becomes a dependsOn relation. */
  dataProduct?: string;
  /** An outside source that is not a data product (an ERP, a provider's feed). */
  source?: string;
  version?: string;
  contractId?: string;
  details?: JsonObject;
};

export type ServiceLevel = {
  property: string;
  value: string | number | boolean;
  unit?: string;
  description?: string;
};

export type SupportChannel = {
  channel: string;
  url?: string;
  tool?: string;
  scope?: string;
  description?: string;
};

export type TeamMember = {
  username?: string;
  name?: string;
  role?: string;
  description?: string;
};

/** A data product as a catalog entity (`kind: DataProduct`, `apiVersion: datamesh/v1alpha1`). */
export interface DataProductEntityV1alpha1 extends Entity {
  apiVersion: 'datamesh/v1alpha1';
  kind: 'DataProduct';
  spec: {
    /** Entity ref of the domain it belongs to. */
    domain: string;
    /** Entity ref of the owning group (or user). */
    owner: string;
    lifecycle: string;
    type?: DataProductType;
    version?: string;
    classification?: Classification;
    description?: {
      purpose?: string;
      limitations?: string;
      usage?: string;
    };
    outputPorts?: OutputPort[];
    inputPorts?: InputPort[];
    sla?: {
      updateFrequency?: string;
      freshness?: string;
      availability?: string;
      properties?: ServiceLevel[];
    };
    quality?: Array<JsonObject>;
    usage?: {
      license?: string;
      restrictions?: string;
      redistribution?: boolean;
      terms?: JsonObject;
    };
    support?: SupportChannel[];
    team?: TeamMember[];
    /** Entity ref of the product that replaces a deprecated one. */
    successor?: string;
  };
}

/** The data-mesh Domain: the built-in Domain with data-mesh fields on top. */
export interface DataMeshDomainEntityV1alpha1 extends Entity {
  apiVersion: 'datamesh/v1alpha1';
  kind: 'Domain';
  spec: {
    owner: string;
    subdomainOf?: string;
    type?: string;
    /** Entity ref of the business person accountable for the domain's data. */
    dataOwner?: string;
    /** Entity ref of the data steward. */
    steward?: string;
    /** Whether the domain's products are shared with the whole mesh or kept inside it. */
    scope?: 'private' | 'shared';
    /** The domain's own governance rules, on top of the mesh-wide ones. */
    policies?: Array<JsonObject>;
  };
}
