import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_DESCRIPTOR_STANDARD,
  ANNOTATION_DESCRIPTOR_VERSION,
} from '@datamesh/plugin-data-mesh-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  consumerCount,
  governanceStatus,
  productDescriptionParts,
  productSpec,
  supportChannels,
} from '../../lib/dataProduct';
import { humanizeValue } from '../../lib/humanize';
import { asRecord, asText } from '../../lib/values';
import { ClassificationChip } from '../common/ClassificationChip';
import { FactList } from '../common/FactList';
import { GovernanceBadge } from '../common/GovernanceBadge';
import { SafeMarkdown } from '../common/SafeMarkdown';
import { productLinks } from './productLinks';
import { SupportChannels } from './SupportChannels';

function Section(props: { title: string; text?: string }) {
  if (!props.text) {
    return null;
  }
  return (
    <Box mb={2}>
      <Typography variant="subtitle2" component="h3">
        {props.title}
      </Typography>
      <SafeMarkdown content={props.text} />
    </Box>
  );
}

function describeRedistribution(value: unknown): string | undefined {
  if (value === true) {
    return 'Allowed';
  }
  if (value === false) {
    return 'Not allowed';
  }
  return undefined;
}

/**
 * What a data product is and on which terms it is offered: purpose, limitations and usage
 * (descriptor markdown, rendered safely), its facts, licence, support and links.
 */
export function EntityDataProductOverviewCard() {
  const { entity } = useEntity();
  const spec = productSpec(entity);
  const parts = productDescriptionParts(entity);
  const usage = asRecord(spec.usage);
  const domain = asText(spec.domain);
  const owner = asText(spec.owner);
  const annotations = entity.metadata.annotations ?? {};
  const standard = asText(annotations[ANNOTATION_DESCRIPTOR_STANDARD]);
  const links = productLinks(entity);
  const channels = supportChannels(entity);
  const consumers = consumerCount(entity);

  return (
    <InfoCard
      title="About this data product"
      subheader={<GovernanceBadge status={governanceStatus(entity)} />}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <Section title="Purpose" text={parts.purpose} />
          <Section title="Limitations" text={parts.limitations} />
          <Section title="Usage" text={parts.usage} />
          {!parts.purpose && !parts.limitations && !parts.usage && (
            <Typography variant="body2" color="textSecondary">
              The descriptor says nothing about purpose, limitations or usage.
            </Typography>
          )}
        </Grid>
        <Grid item xs={12} md={5}>
          <FactList
            facts={[
              { label: 'Version', value: asText(spec.version) },
              {
                label: 'Type',
                value: asText(spec.type) && humanizeValue(spec.type!),
              },
              {
                label: 'Lifecycle',
                value: asText(spec.lifecycle) && humanizeValue(spec.lifecycle!),
              },
              {
                label: 'Classification',
                value: asText(spec.classification) && (
                  <ClassificationChip classification={spec.classification} />
                ),
              },
              {
                label: 'Owner',
                value: owner && (
                  <EntityRefLink entityRef={owner} defaultKind="group" />
                ),
              },
              {
                label: 'Domain',
                value: domain && (
                  <EntityRefLink entityRef={domain} defaultKind="domain" />
                ),
              },
              {
                label: 'Consumers',
                value: String(consumers),
              },
              { label: 'Licence', value: asText(usage?.license) },
              {
                label: 'Usage restrictions',
                value: asText(usage?.restrictions),
              },
              {
                label: 'Redistribution',
                value: describeRedistribution(usage?.redistribution),
              },
              {
                label: 'Descriptor',
                value:
                  standard &&
                  [
                    humanizeValue(standard),
                    asText(annotations[ANNOTATION_DESCRIPTOR_VERSION]),
                  ]
                    .filter(Boolean)
                    .join(' '),
              },
            ]}
          />
          {channels.length > 0 && (
            <Box mt={2}>
              <Typography variant="subtitle2" component="h3">
                Support
              </Typography>
              <SupportChannels channels={channels} />
            </Box>
          )}
          {links.length > 0 && (
            <Box mt={2}>
              <Typography variant="subtitle2" component="h3">
                Links
              </Typography>
              {links.map(link => (
                <Typography variant="body2" key={`${link.title}-${link.href}`}>
                  <Link to={link.href}>{link.title}</Link>
                </Typography>
              ))}
            </Box>
          )}
        </Grid>
      </Grid>
    </InfoCard>
  );
}
