/*
 * The demo portal's backend: stock Backstage plugins plus the data mesh suite, on the new
 * backend system. Each suite plugin is added the same way an existing portal would add it.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth: the demo signs in as a guest or as one of the demo organisation's people
// (README.md, "Sign-in")
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('./modules/demoPersonas'));

// catalog
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// the data mesh suite: DataProduct and data-mesh Domain kinds, descriptor ingestion
backend.add(import('@datamesh/plugin-catalog-backend-module-data-mesh'));

// scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
// the data mesh suite: data product actions and the demo's local publisher
backend.add(import('@datamesh/plugin-scaffolder-backend-module-data-mesh'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// permissions: the suite's own policy, not allow-all
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/permissionPolicy'));

// the data mesh suite: access requests (the marketplace's checkout)
backend.add(import('@datamesh/plugin-data-access-backend'));
backend.add(import('./modules/demoDelivery'));

// the data mesh suite: computational governance and mesh metrics
backend.add(import('@datamesh/plugin-data-marketplace-backend'));

// search: PostgreSQL full text where the database is PostgreSQL, in-memory Lunr on SQLite
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// techdocs
backend.add(import('@backstage/plugin-techdocs-backend'));

// events (the bus that catalog, signals and notifications share across replicas)
backend.add(import('@backstage/plugin-events-backend'));

// user settings, notifications and signals
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
