import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';

/**
 * Asks another plugin's bulk route about many entities at once, as the catalog's own
 * service: POSTs `{ entityRefs }` (one plugin token for the whole batch) and returns the
 * answer's `answerField`, an object keyed by the refs as sent.
 *
 * Returns undefined when the route answers 404: the plugin is not installed in this
 * backend. Throws on any other failure (unreachable, an HTTP error, an answer without the
 * field), so that the callers keep what they last knew.
 */
export async function postEntityRefs(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  pluginId: string;
  /** The route under the plugin's base URL, e.g. `products/grants`. */
  path: string;
  entityRefs: string[];
  answerField: string;
}): Promise<Record<string, unknown> | undefined> {
  const { discovery, auth, pluginId, path, entityRefs, answerField } = options;
  const baseUrl = await discovery.getBaseUrl(pluginId);
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: pluginId,
  });
  const response = await fetch(`${baseUrl}/${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ entityRefs }),
  });
  if (response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status}`);
  }
  const body = await response.json();
  const answer = body?.[answerField];
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new Error(`the answer has no '${answerField}' object`);
  }
  return answer;
}
