export interface Config {
  /** The data mesh suite. */
  datamesh?: {
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
