import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
// The next two are devDependencies this package does not declare yet (resolved from the
// workspace); once package.json lists them, these disables go.
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import catalogModuleDataMesh from '@datamesh/plugin-catalog-backend-module-data-mesh';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import request from 'supertest';
import { scaffolderModuleDataMesh } from '../module';

export const repoRoot = resolve(__dirname, '../../../..');
export const templatesDir = resolve(repoRoot, 'templates');

/**
 * The parts of the demo portal that a template run goes through, all real: the catalog
 * with the data mesh module and the Template kind, the scaffolder with this module, the demo
 * catalog and the templates of the repository, and the local publisher's folder read by
 * the catalog as app-config.yaml has it.
 */
export async function startPortalBackend(publishDir: string) {
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleDataMesh,
      scaffolderEntityModel,
      scaffolderPlugin,
      scaffolderModuleDataMesh,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'API',
                  'Resource',
                  'Location',
                  'Domain',
                  'Group',
                  'User',
                  'Template',
                  'DataProduct',
                ],
              },
            ],
            locations: [
              { type: 'file', target: join(repoRoot, 'catalog-info/all.yaml') },
              { type: 'file', target: join(templatesDir, 'all.yaml') },
              { type: 'file', target: join(publishDir, '*/catalog-info.yaml') },
            ],
          },
          datamesh: {
            scaffolder: { localPublisher: { directory: publishDir } },
          },
        },
      }),
    ],
  });
  const auth = mockCredentials.user.header('user:default/marie.dubois');
  const get = async (path: string) =>
    (await request(backend.server).get(path).set('Authorization', auth)).body;
  const post = (path: string, body: object) =>
    request(backend.server).post(path).set('Authorization', auth).send(body);
  return { backend, get, post };
}

export type PortalBackend = Awaited<ReturnType<typeof startPortalBackend>>;

/** Polls until the check returns something truthy, or fails after the timeout. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) {
      return result;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${timeoutMs} ms`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
}

/** The template folder's files as the dry-run endpoint takes them (the template editor's way). */
export function directoryContents(folder: string) {
  const files: Array<{ path: string; base64Content: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else {
        files.push({
          path: relative(folder, path).split(sep).join('/'),
          base64Content: readFileSync(path).toString('base64'),
        });
      }
    }
  };
  walk(folder);
  return files;
}

export interface TaskResult {
  status: string;
  /** When the task ended, by the backend's clock (its last event). */
  endedAt: number;
  log: string[];
  output: any;
}

/** Runs a template for real through the scaffolder's task API and waits for it to end. */
export async function runTemplate(
  portal: PortalBackend,
  templateName: string,
  values: object,
): Promise<TaskResult> {
  const created = await portal.post('/api/scaffolder/v2/tasks', {
    templateRef: `template:default/${templateName}`,
    values,
  });
  if (created.status !== 201) {
    throw new Error(
      `task not created: ${created.status} ${JSON.stringify(created.body)}`,
    );
  }
  const { id } = created.body;
  const task = await waitFor(
    async () => {
      const t = await portal.get(`/api/scaffolder/v2/tasks/${id}`);
      return ['completed', 'failed', 'cancelled'].includes(t.status) && t;
    },
    `task ${id} of ${templateName}`,
    120_000,
  );
  const endedAt = Date.now();
  const events: Array<{ body: { message: string } }> = await portal.get(
    `/api/scaffolder/v2/tasks/${id}/events`,
  );
  return {
    status: task.status,
    endedAt,
    log: events.map(e => e.body.message),
    output: events.find(e => (e as any).type === 'completion')?.body,
  };
}
