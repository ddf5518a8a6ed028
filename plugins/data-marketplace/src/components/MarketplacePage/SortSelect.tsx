import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { SORT_OPTIONS, SortKey } from './marketplaceQuery';

export function SortSelect(props: {
  sort: SortKey;
  /** Relevance is only offered while there is a search term. */
  hasTerm: boolean;
  onChange: (sort: SortKey) => void;
}) {
  const { sort, hasTerm, onChange } = props;
  const options = SORT_OPTIONS.filter(
    option => hasTerm || option.key !== 'relevance',
  );
  return (
    <FormControl variant="outlined" size="small" fullWidth>
      <InputLabel id="data-marketplace-sort-label">Sort by</InputLabel>
      <Select
        labelId="data-marketplace-sort-label"
        label="Sort by"
        value={sort}
        onChange={event => onChange(event.target.value as SortKey)}
        SelectDisplayProps={{ 'aria-label': 'Sort by' } as object}
      >
        {options.map(option => (
          <MenuItem key={option.key} value={option.key}>
            {option.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
