export interface Config {
  /** Configuration of the Premium Offices data mesh portal. */
  datamesh?: {
    permissions?: {
      /**
       * Entity refs of the users and groups who may unregister entities and delete catalog
       * locations, e.g. `group:default/platform-team`.
       */
      catalogAdmins?: string[];
    };
  };
}
