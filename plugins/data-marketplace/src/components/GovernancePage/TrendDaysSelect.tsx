import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';

/** The trend windows offered; the backend allows 1 to 366 days. */
export const TREND_DAYS = [7, 30, 90, 365] as const;

export function TrendDaysSelect(props: {
  days: number;
  onChange: (days: number) => void;
}) {
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 160 }}>
      <InputLabel id="data-marketplace-trend-days-label">Trend over</InputLabel>
      <Select
        labelId="data-marketplace-trend-days-label"
        label="Trend over"
        value={props.days}
        onChange={event => props.onChange(Number(event.target.value))}
        SelectDisplayProps={{ 'aria-label': 'Trend over' } as object}
      >
        {TREND_DAYS.map(days => (
          <MenuItem key={days} value={days}>
            Last {days} days
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
