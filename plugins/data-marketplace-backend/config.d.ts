type Duration =
  | string
  | {
      years?: number;
      months?: number;
      weeks?: number;
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
      milliseconds?: number;
    };

export interface Config {
  /** The data marketplace's backend (@datamesh/plugin-data-marketplace-backend). */
  dataMarketplace?: {
    governance?: {
      /**
       * When the evaluation of every data product runs: once per tick across all replicas
       * (the Backstage scheduler). The scheduler's usual fields, each with a default.
       */
      schedule?: {
        /**
         * How often: a duration (`{ minutes: 5 }`, `PT5M`, `5 minutes`) or `{ cron: '...' }`.
         * Default every minute; a run rewrites only the results that changed.
         */
        frequency?: Duration | { cron: string };
        /** How long a run may take before another replica may run it. Default 10 minutes. */
        timeout?: Duration;
        /** Wait before the first run after startup. Default none. */
        initialDelay?: Duration;
        /** `global` (default): one replica per tick; `local`: every replica. */
        scope?: 'global' | 'local';
      };
    };
    /** The marketplace's query index (README, "Marketplace query index"). */
    index?: {
      /**
       * When the indexer copies the catalog's data products into the index: once per tick
       * across all replicas. The scheduler's usual fields; default every 30 seconds,
       * timeout 10 minutes. A run with nothing changed writes nothing.
       */
      schedule?: {
        frequency?: Duration | { cron: string };
        timeout?: Duration;
        initialDelay?: Duration;
      };
    };
    /** Mesh metrics: reuse and the three cycle times (README, "Mesh metrics"). */
    metrics?: {
      /**
       * When the collection runs: once per tick across all replicas. The scheduler's usual
       * fields; default every 5 minutes, timeout 4 minutes.
       */
      schedule?: {
        frequency?: Duration | { cron: string };
        timeout?: Duration;
        initialDelay?: Duration;
        scope?: 'global' | 'local';
      };
      /** Entity refs of the Software Templates that create and evolve data products. */
      templates?: {
        /** Cycle 1. Default the suite's source-aligned and aggregate templates. */
        create?: string[];
        /** Cycle 2. Default the suite's evolve template. */
        evolve?: string[];
      };
      /** How many days back the scaffolder's template runs are read. Default 365. */
      lookbackDays?: number;
    };
  };

  /** The data mesh suite. */
  datamesh?: {
    governance?: {
      /**
       * The mesh-wide governance policies, read by this plugin (and by the scaffolder
       * module and the CLI): a list of rules, parsed by @datamesh/plugin-data-mesh-common,
       * whose README describes each rule type and its params. An invalid list stops the
       * backend at startup with the path of each problem, e.g.
       * `datamesh.governance.policies[2].params.pattern`.
       */
      policies?: Array<{
        /** Stable id, unique in the mesh, e.g. `mesh/required-metadata`. */
        id: string;
        /** The rule type, e.g. `required-fields`, `naming-pattern`, `owner-group-exists`. */
        type: string;
        severity: 'error' | 'warning';
        message?: string;
        description?: string;
        enabled?: boolean;
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
        /** The rule type's parameters. */
        params?: { [name: string]: any };
      }>;
    };
  };
}
