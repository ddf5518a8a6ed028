import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { ProductAnswers } from '../product/answers';
import {
  columnNameProblem,
  nameProblem,
  VERSION_PATTERN,
} from '../product/namingRules';

/** The kind of an entity ref, or undefined when it is not one. */
export function refKind(ref: string, defaultKind: string): string | undefined {
  try {
    return parseEntityRef(ref, { defaultKind }).kind.toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/**
 * `brokerage-data-team` → `group:default/brokerage-data-team`; a value that is no ref is
 * kept as written, for the checks to name it.
 */
export function normalizeRef(ref: string, defaultKind: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref.trim(), { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    return ref;
  }
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/**
 * The rules the templates' forms check before a run, checked again here, since any
 * template may call the actions: every problem, each with the field it is in.
 */
export function answerProblems(answers: ProductAnswers): string[] {
  const problems: string[] = [];
  const add = (field: string, message: string | undefined) => {
    if (message) {
      problems.push(`${field}: ${message}`);
    }
  };
  add('name', nameProblem(answers.name));
  add(
    'version',
    new RegExp(VERSION_PATTERN).test(answers.version)
      ? undefined
      : `"${answers.version}" is not a semantic version such as 1.0.0`,
  );
  add(
    'owner',
    refKind(answers.owner, 'group') === 'group'
      ? undefined
      : `"${answers.owner}" is not a group: a team owns a data product`,
  );
  add(
    'domain',
    refKind(answers.domain, 'domain') === 'domain'
      ? undefined
      : `"${answers.domain}" is not a domain`,
  );
  add(
    'accessPolicy',
    answers.classification === 'restricted' && !answers.accessPolicy?.trim()
      ? 'required when the classification is restricted: who may be granted access and who approves it'
      : undefined,
  );
  add(
    'outputPorts',
    answers.outputPorts.length === 0 ? 'at least one output port' : undefined,
  );
  for (const name of duplicates(answers.outputPorts.map(p => p.name))) {
    add('outputPorts', `two ports are named ${name}`);
  }
  answers.outputPorts.forEach((port, i) => {
    add(`outputPorts[${i}].name`, nameProblem(port.name));
    add(
      `outputPorts[${i}].address`,
      port.address.trim()
        ? undefined
        : 'required: where consumers read the port',
    );
    port.columns.forEach((column, j) =>
      add(
        `outputPorts[${i}].columns[${j}].name`,
        columnNameProblem(column.name),
      ),
    );
    for (const name of duplicates(port.columns.map(c => c.name))) {
      add(`outputPorts[${i}].columns`, `two columns are named ${name}`);
    }
  });
  return problems;
}

/** Throws an InputError listing every problem of the answers, if there are any. */
export function checkAnswers(answers: ProductAnswers): void {
  const problems = answerProblems(answers);
  if (problems.length > 0) {
    throw new InputError(
      `The answers break the mesh's rules:\n${problems
        .map(p => `- ${p}`)
        .join('\n')}`,
    );
  }
}
