import type { DataContractSummary } from '@datamesh/plugin-data-mesh-common';
import { STANDARD_TITLES } from '@datamesh/plugin-data-mesh-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import {
  contractQualityRules,
  contractServiceLevels,
} from '../../lib/contractParts';
import { parseContractDefinition } from '../../lib/contracts';
import { humanizeValue } from '../../lib/humanize';
import { asList, asText } from '../../lib/values';
import { ContractErrors } from '../common/ContractErrors';
import { ContractSchemaTables } from '../common/ContractSchemaTables';
import { FactList } from '../common/FactList';
import { QualityRules } from '../common/QualityRules';
import { SafeMarkdown } from '../common/SafeMarkdown';
import { ServiceLevelsTable } from '../common/ServiceLevelsTable';
import { ContractServers } from './ContractServers';
import { ContractSupport } from './ContractSupport';
import { KeyValueTable } from './KeyValueTable';

/** @public */
export interface DataContractDefinitionProps {
  /** The raw ODCS or Data Contract Specification document (an API entity's spec.definition). */
  definition: string;
}

function Part(props: { title: string; children: ReactNode }) {
  return (
    <Box component="section" mb={3} aria-label={props.title}>
      <Typography variant="h6" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

function Header(props: { summary: DataContractSummary }) {
  const { summary } = props;
  return (
    <Box mb={3}>
      <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
        <Typography variant="h5" component="h2">
          {asText(summary.title) ?? summary.id}
        </Typography>
        {asText(summary.contractVersion) && (
          <Chip size="small" label={`v${summary.contractVersion}`} />
        )}
        {asText(summary.status) && (
          <Chip
            size="small"
            variant="outlined"
            label={humanizeValue(summary.status!)}
          />
        )}
      </Box>
      <FactList
        facts={[
          {
            label: 'Standard',
            value: `${STANDARD_TITLES[summary.standard] ?? summary.standard} ${
              summary.version
            }`,
          },
          { label: 'Contract id', value: summary.id },
          { label: 'Domain', value: asText(summary.domain) },
          { label: 'Data product', value: asText(summary.dataProduct) },
          {
            label: 'Tags',
            value: asList<string>(summary.tags).join(', '),
          },
        ]}
      />
    </Box>
  );
}

/**
 * A data contract (ODCS or Data Contract Specification) rendered for people: header, purpose,
 * schema tables, servers, service levels, quality rules and terms. A definition that cannot
 * be read shows why, never a crash. For the API docs' definition widget of data-contract APIs.
 */
export function DataContractDefinition(props: DataContractDefinitionProps) {
  const parsed = useMemo(
    () => parseContractDefinition(props.definition),
    [props.definition],
  );
  if (!parsed.ok) {
    return <ContractErrors errors={parsed.errors} />;
  }
  const { summary } = parsed;
  const description = summary.description ?? {};
  const levels = contractServiceLevels(summary);
  const rules = contractQualityRules(
    summary,
    asText(summary.title) ?? summary.id,
  );

  return (
    <article
      aria-label={`Data contract ${asText(summary.title) ?? summary.id}`}
    >
      <Header summary={summary} />
      {(description.purpose ||
        description.limitations ||
        description.usage) && (
        <Part title="Description">
          {(['purpose', 'limitations', 'usage'] as const).map(key =>
            asText(description[key]) ? (
              <Box key={key} mb={1}>
                <Typography variant="subtitle2" component="h4">
                  {humanizeValue(key)}
                </Typography>
                <SafeMarkdown content={description[key]!} />
              </Box>
            ) : null,
          )}
        </Part>
      )}
      <Part title="Schema">
        <ContractSchemaTables objects={summary.objects} />
      </Part>
      {asList(summary.servers).length > 0 && (
        <Part title="Servers">
          <ContractServers servers={summary.servers} />
        </Part>
      )}
      <Part title="Service levels">
        <ServiceLevelsTable
          levels={levels}
          emptyText="The contract declares no service level."
        />
      </Part>
      <Part title="Quality">
        <QualityRules rules={rules} />
      </Part>
      {asList(summary.support).length > 0 && (
        <Part title="Support">
          <ContractSupport support={summary.support} />
        </Part>
      )}
      {summary.terms && (
        <Part title="Terms">
          <KeyValueTable value={summary.terms} label="Terms" />
        </Part>
      )}
    </article>
  );
}
