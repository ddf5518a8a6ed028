import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/** Long enough to let a word be typed, short enough to feel live. */
export const SEARCH_DEBOUNCE_MS = 400;

/**
 * The search box: what is typed is sent once typing pauses, not on every key, so 10,000
 * products do not cost one catalog query per keystroke.
 */
export function SearchBox(props: {
  term: string;
  onSearch: (term: string) => void;
}) {
  const { term, onSearch } = props;
  const [text, setText] = useState(term);

  // The URL may change the term (Back, a shared link): show it.
  useEffect(() => setText(term), [term]);

  useDebounce(
    () => {
      if (text.trim() !== term) {
        onSearch(text);
      }
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );

  return (
    <TextField
      fullWidth
      variant="outlined"
      size="small"
      placeholder="Search data products by name, purpose or tag"
      value={text}
      onChange={event => setText(event.target.value)}
      inputProps={{ 'aria-label': 'Search data products' }}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon />
          </InputAdornment>
        ),
      }}
    />
  );
}
