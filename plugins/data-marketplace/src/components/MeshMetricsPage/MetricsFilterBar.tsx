import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import type { ReactNode } from 'react';
import type { MetricsPeriod } from '../../api';
import type { DomainOption } from './useDomainOptions';
import type { MetricsFilters } from './useMetricsFilters';

const ALL_DOMAINS = '';

function LabelledSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const { id, label, value, onChange, children } = props;
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 200 }}>
      <InputLabel id={id}>{label}</InputLabel>
      <Select
        labelId={id}
        label={label}
        value={value}
        displayEmpty
        onChange={event => onChange(String(event.target.value))}
        SelectDisplayProps={{ 'aria-label': label } as object}
      >
        {children}
      </Select>
    </FormControl>
  );
}

/** Which domain (or the whole mesh) and which period the time series are cut in. */
export function MetricsFilterBar(props: {
  filters: MetricsFilters;
  domains: DomainOption[];
  onChange: (change: Partial<MetricsFilters>) => void;
  children?: ReactNode;
}) {
  const { filters, domains, onChange } = props;
  // A domain from a shared URL that the catalog no longer lists still shows as selected.
  const options =
    filters.domain && !domains.some(d => d.ref === filters.domain)
      ? [...domains, { ref: filters.domain, title: filters.domain }]
      : domains;
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
      <LabelledSelect
        id="data-marketplace-metrics-domain"
        label="Domain"
        value={filters.domain ?? ALL_DOMAINS}
        onChange={value => onChange({ domain: value || undefined })}
      >
        <MenuItem value={ALL_DOMAINS}>All domains</MenuItem>
        {options.map(domain => (
          <MenuItem key={domain.ref} value={domain.ref}>
            {domain.title}
          </MenuItem>
        ))}
      </LabelledSelect>
      <LabelledSelect
        id="data-marketplace-metrics-period"
        label="Period"
        value={filters.period}
        onChange={value => onChange({ period: value as MetricsPeriod })}
      >
        <MenuItem value="week">Week</MenuItem>
        <MenuItem value="month">Month</MenuItem>
      </LabelledSelect>
      {props.children}
    </Box>
  );
}
