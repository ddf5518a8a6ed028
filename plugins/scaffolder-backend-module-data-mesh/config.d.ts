export interface Config {
  /** The data mesh suite. */
  datamesh?: {
    /** Federated computational governance. */
    governance?: {
      /**
       * The mesh-wide governance rules, checked by datamesh:descriptor:validate when a
       * product is created or changed (and by the `datamesh validate --policies` CLI). A
       * domain adds rules of its own in its Domain entity's `spec.policies`; it cannot
       * replace, weaken or disable these. The backend refuses to start when a rule does not
       * parse, naming its path (`datamesh.governance.policies[2].params.pattern`).
       */
      policies?: Array<{
        /** Unique in the mesh, e.g. mesh/required-metadata. */
        id: string;
        /**
         * required-fields, naming-pattern, output-port-contract, sensitive-data-access,
         * deprecated-successor, owner-group-exists, upstream-not-retired,
         * contract-quality-declared.
         */
        type: string;
        /** An error fails the product; a warning flags it. */
        severity: 'error' | 'warning';
        /** Replaces the rule type's own message: what the owner has to change. */
        message?: string;
        description?: string;
        /** false switches the rule off. Default true. */
        enabled?: boolean;
        /** The kind (default DataProduct) and the fields that select entities. */
        appliesTo?: {
          kind?: string;
          selector?:
            | string
            | {
                [field: string]:
                  | string
                  | number
                  | boolean
                  | Array<string | number | boolean>;
              };
        };
        /** The rule type's parameters, e.g. `fields` or `pattern`. */
        params?: { [name: string]: any };
      }>;
    };
    scaffolder?: {
      /**
       * The demo publisher (action datamesh:repository:publish), for a portal with no git
       * host: product repositories are published as folders, read by the catalog through a
       * `file` location in catalog.locations that covers `<directory>/*\/catalog-info.yaml`.
       */
      localPublisher?: {
        /**
         * Folder the repositories are published into, one sub-folder per product. A
         * relative path is resolved from the backend's working folder (packages/backend in
         * the demo). Default: `data/published` at the root of the monorepo.
         */
        directory?: string;
        /**
         * How long a publish waits for the product to show in the catalog before it ends
         * with a warning. Default 30 seconds.
         */
        visibilityTimeout?:
          | { minutes?: number; seconds?: number; milliseconds?: number }
          | string;
      };
    };
  };
}
