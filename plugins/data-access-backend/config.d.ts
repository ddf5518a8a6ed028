export interface Config {
  /** The data mesh suite's access requests (@datamesh/plugin-data-access-backend). */
  dataAccess?: {
    /**
     * Why consumers may ask for data: each request names one of these categories, which
     * drives the owner's risk decision. Without it, a default list applies (analytics,
     * data-science, operational, regulatory). The frontend reads them from GET /purposes.
     */
    purposeCategories?: Array<{
      /** Stable id stored with each request, e.g. `regulatory-reporting`. */
      id: string;
      /** What the request dialog shows. */
      title: string;
      description?: string;
    }>;
    /**
     * Entity refs of governance groups (e.g. `group:default/data-office`): their members
     * may read every request, decide on any product's requests (never their own) and
     * revoke any grant. Read by the plugin's policy part.
     */
    governance?: string[];
    /**
     * How long the plugin reuses a signed-in user's permission decisions (the same question
     * is asked on every read) and a data product read from the catalog (on every create);
     * default 10 seconds, `0s` asks every time.
     */
    cacheTtl?:
      | string
      | {
          days?: number;
          hours?: number;
          minutes?: number;
          seconds?: number;
          milliseconds?: number;
        };
    /**
     * Delivery of approved requests (and revocation of grants) by other systems. The
     * adapter is chosen per product, else per domain, else `default`, else `webhook`.
     */
    delivery?: {
      /** Id of the adapter for products config names nowhere else, e.g. `webhook`. */
      default?: string;
      /** Adapter per domain, keyed by the domain's entity name, e.g. `brokerage: ticket`. */
      byDomain?: { [domainName: string]: string };
      /** Adapter per data product, keyed by the product's entity name. */
      byProduct?: { [productName: string]: string };
      /** How often the delivery worker runs (once per tick across replicas); default 5s. */
      frequency?:
        | string
        | {
            days?: number;
            hours?: number;
            minutes?: number;
            seconds?: number;
            milliseconds?: number;
          };
      /** How long one run may take; default 5 minutes. */
      timeout?:
        | string
        | {
            days?: number;
            hours?: number;
            minutes?: number;
            seconds?: number;
            milliseconds?: number;
          };
      /** Backoff when a delivery system cannot be reached; retries never stop. */
      retry?: {
        /** Default 10 seconds. */
        initialDelay?:
          | string
          | {
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
        /** Default 1 hour. */
        maxDelay?:
          | string
          | {
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
      };
      /** How often a pending delivery (an open ticket) is polled; default 1 minute. */
      pollInterval?:
        | string
        | {
            days?: number;
            hours?: number;
            minutes?: number;
            seconds?: number;
            milliseconds?: number;
          };
      /** How long a claimed delivery is reserved for one worker; default 2 minutes. */
      lease?:
        | string
        | {
            days?: number;
            hours?: number;
            minutes?: number;
            seconds?: number;
            milliseconds?: number;
          };
      /** Deliveries handled at once; default 10. */
      batchSize?: number;
      /** The `webhook` adapter: POSTs the request, signed, to a URL. */
      webhook?: {
        url: string;
        /**
         * Signs each body: `X-DataMesh-Signature: sha256=<hex HMAC-SHA256 of the body>`.
         * @visibility secret
         */
        secret: string;
        /** Default 10 seconds. */
        timeout?:
          | string
          | {
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
      };
      /** The `ticket` adapter: opens a ServiceNow or Jira ticket and polls it. */
      ticket?: {
        system: 'servicenow' | 'jira';
        /** e.g. https://example.service-now.com or https://example.atlassian.net */
        baseUrl: string;
        auth:
          | {
              type: 'basic';
              username: string;
              /** @visibility secret */
              password: string;
            }
          | {
              type: 'bearer';
              /** @visibility secret */
              token: string;
            };
        /** Default 30 seconds. */
        timeout?:
          | string
          | {
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
        /** Statuses or resolutions meaning delivered (replaces the default list). */
        doneStatuses?: string[];
        /** Statuses or resolutions meaning refused for good (replaces the default list). */
        failedStatuses?: string[];
        servicenow?: {
          /** Default `sc_request`; any table extending `task`. */
          table?: string;
          /** The field read as status, by display value; default `state`. */
          statusField?: string;
          /** Fields set on every new record, e.g. `assignment_group`. */
          fields?: { [field: string]: string };
        };
        jira?: {
          projectKey: string;
          /** Default `Task`. */
          issueType?: string;
          /** Default `cloud`; `datacenter` for Jira Server / Data Center. */
          deployment?: 'cloud' | 'datacenter';
          /** Fields set on every new issue. */
          fields?: { [field: string]: any };
        };
      };
    };
  };
}
