import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';

/** How long one call to another plugin may take before the run gives up on that source. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface PluginClientDeps {
  discovery: DiscoveryService;
  auth: AuthService;
}

/**
 * GETs JSON from another backend plugin with this plugin's own service token, as the
 * new backend system has plugins call each other. Throws on any failure: the collector
 * decides what a source that is down means.
 */
export async function getPluginJson(
  deps: PluginClientDeps,
  pluginId: string,
  path: string,
  signal?: AbortSignal,
): Promise<unknown> {
  const baseUrl = await deps.discovery.getBaseUrl(pluginId);
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: await deps.auth.getOwnServiceCredentials(),
    targetPluginId: pluginId,
  });
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  if (!response.ok) {
    throw new Error(
      `${pluginId} answered HTTP ${response.status} to GET ${path}`,
    );
  }
  return response.json();
}

/**
 * An instant as an ISO string. Accepts ISO 8601 and the zoneless `YYYY-MM-DD HH:MM:SS`
 * that SQLite keeps (UTC); undefined for anything else.
 */
export function parseInstant(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const zoneless = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(
    value,
  );
  const ms = Date.parse(zoneless ? `${value.replace(' ', 'T')}Z` : value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
