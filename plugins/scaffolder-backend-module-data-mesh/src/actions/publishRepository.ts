import type { AuthService } from '@backstage/backend-plugin-api';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { mkdir, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { nameProblem } from '../product/namingRules';
import {
  processingErrors,
  waitUntilVisible,
} from '../publish/catalogVisibility';
import { publishLocationRefs } from '../publish/publishLocations';
import type { LocalPublisherConfig } from '../publish/localPublisherConfig';
import {
  listFiles,
  publishChangedFiles,
  publishNewFolder,
} from '../publish/publishFolder';
import { readCatalogInfo } from '../publish/readCatalogInfo';
import { examples } from './publishRepository.examples';
import { nameSchema, versionSchema } from './inputSchemas';

export const PUBLISH_REPOSITORY_ACTION_ID = 'datamesh:repository:publish';

/** The path of an entity's page in the portal (the catalog's default entity route). */
export function entityPagePath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase('en-US')}/${name}`;
}

/**
 * datamesh:repository:publish — the demo publisher, for a portal with no git host: copies
 * the workspace to `<directory>/<repoName>` (directory from config) and has the catalog
 * read it at once through the Location that covers that folder, then waits until the
 * product shows, so the template's link to its page works when the task ends. Real portals
 * publish with publish:github or publish:gitlab and catalog:register instead.
 */
export function createPublishRepositoryAction(options: {
  catalog: CatalogService;
  auth: AuthService;
  config: LocalPublisherConfig;
  /** The portal's config, whose catalog.locations must cover the publish folder. */
  rootConfig: Config;
}) {
  const { catalog, auth, config, rootConfig } = options;
  return createTemplateAction({
    id: PUBLISH_REPOSITORY_ACTION_ID,
    description:
      'Demo publisher: publishes the workspace as a repository in a local folder (datamesh.scaffolder.localPublisher.directory) and has the catalog read it at once; waits until the product shows in the catalog.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          nameSchema(z, 'Folder name of the repository: the product name'),
        mode: z =>
          z
            .enum(['create', 'update'], {
              description:
                'create: a new repository (refused if it exists); update: write the changed files into a published one',
            })
            .optional(),
        entityRef: z =>
          z
            .string({
              description:
                'The entity to wait for; default dataproduct:default/<repoName>',
            })
            .optional(),
        expectedVersion: z =>
          versionSchema(
            z,
            'Wait until the product shows this version',
          ).optional(),
        sourcePath: z =>
          z
            .string({
              description:
                'Folder of the workspace to publish; default its root',
            })
            .optional(),
      },
      output: {
        remoteUrl: z =>
          z.string().describe('file: URL of the published repository'),
        repoContentsUrl: z => z.string().describe('Same as remoteUrl'),
        entityRef: z => z.string().describe('The product in the catalog'),
        entityUrl: z =>
          z.string().describe("Path of the product's page in the portal"),
        visible: z =>
          z
            .boolean()
            .describe('Whether the catalog showed the product in time'),
        visibleAfterMs: z =>
          z
            .number()
            .describe(
              'From asking the catalog to read it to the product showing',
            ),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const problem = nameProblem(input.repoName);
      if (problem) {
        throw new InputError(`repoName: ${problem}`);
      }
      const mode = input.mode ?? 'create';
      const entityRef = stringifyEntityRef(
        parseEntityRef(input.entityRef ?? input.repoName, {
          defaultKind: 'dataproduct',
          defaultNamespace: 'default',
        }),
      );
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath ?? '.',
      );
      // resolveSafeChildPath refuses names that leave the folder, through .. or links.
      const target = resolveSafeChildPath(config.directory, input.repoName);
      const files = await listFiles(source);
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (mode === 'create' && exists) {
        throw new ConflictError(
          `repoName: ${input.repoName} is already published in ${config.directory}; change it with the Evolve a data product template`,
        );
      }
      if (mode === 'update' && !exists) {
        throw new NotFoundError(
          `repoName: ${input.repoName} is not published in ${config.directory}; only products published there can be changed by the local publisher`,
        );
      }
      // The Location the catalog reads the repository through: a new repository brings
      // its catalog-info.yaml, a change keeps the published one.
      const locationRef = await readCatalogInfo(
        mode === 'create' ? source : target,
      );
      const publishLocations = publishLocationRefs(
        rootConfig,
        config.directory,
      );
      const serviceCredentials = await auth.getOwnServiceCredentials();
      const remoteUrl = pathToFileURL(target).toString();
      ctx.output('remoteUrl', remoteUrl);
      ctx.output('repoContentsUrl', remoteUrl);
      ctx.output('entityRef', entityRef);
      ctx.output('entityUrl', entityPagePath(entityRef));
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would publish ${files.length} files to ${target}`,
          {
            publishLocations: publishLocations.join(', '),
          },
        );
        ctx.output('visible', false);
        ctx.output('visibleAfterMs', 0);
        return;
      }

      await mkdir(config.directory, { recursive: true });
      if (mode === 'create') {
        await publishNewFolder(source, target, files);
      } else {
        await publishChangedFiles(source, target, files);
      }
      ctx.logger.info(`Published ${files.length} files to ${target}`, { mode });

      for (const ref of publishLocations) {
        await catalog.refreshEntity(ref, { credentials: serviceCredentials });
      }
      if (mode === 'update') {
        await catalog
          .refreshEntity(locationRef, { credentials: serviceCredentials })
          .catch(() => undefined); // not yet in the catalog: the folder's Location brings it
      }
      const result = await waitUntilVisible({
        catalog,
        credentials: await ctx.getInitiatorCredentials(),
        entityRef,
        expectedVersion: input.expectedVersion,
        locationRef: mode === 'create' ? locationRef : undefined,
        timeoutMs: config.visibilityTimeoutMs,
        signal: ctx.signal,
      });
      let errors = result.errors;
      if (!result.visible && errors.length === 0) {
        // A change's Location may be slow to show why: read its errors once more.
        errors = await processingErrors(
          catalog,
          serviceCredentials,
          locationRef,
        );
      }
      if (errors.length > 0) {
        throw new InputError(
          `Published to ${target}, but the catalog refused it:\n${errors
            .map(e => `- ${e}`)
            .join('\n')}`,
        );
      }
      if (result.visible) {
        ctx.logger.info(`${entityRef} is in the catalog`, {
          visibleAfterMs: result.elapsedMs,
        });
      } else {
        ctx.logger.warn(
          `${entityRef} did not show in the catalog within ${config.visibilityTimeoutMs} ms; it will once the catalog has read ${target}`,
        );
      }
      ctx.output('visible', result.visible);
      ctx.output('visibleAfterMs', result.elapsedMs);
    },
  });
}
