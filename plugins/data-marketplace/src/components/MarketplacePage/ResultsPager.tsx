import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import ChevronLeftIcon from '@material-ui/icons/ChevronLeft';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';

/**
 * Previous and next pages through the cursors (the catalog's, or the index's marker), and
 * where we are.
 */
export function ResultsPager(props: {
  page: number;
  pageSize: number;
  shown: number;
  totalItems: number;
  prevCursor?: string;
  nextCursor?: string;
  onPage: (cursor: string | undefined, page: number) => void;
}) {
  const { page, pageSize, shown, totalItems, prevCursor, nextCursor, onPage } =
    props;
  if (totalItems <= pageSize && page === 1) {
    return null;
  }
  const first = (page - 1) * pageSize + 1;
  return (
    <Box
      component="nav"
      aria-label="Pages"
      display="flex"
      alignItems="center"
      justifyContent="center"
      mt={2}
      gridGap={16}
    >
      <Button
        startIcon={<ChevronLeftIcon />}
        disabled={page <= 1}
        onClick={() => onPage(prevCursor, page - 1)}
      >
        Previous
      </Button>
      <Typography variant="body2">
        {first}–{first + shown - 1} of {totalItems}
      </Typography>
      <Button
        endIcon={<ChevronRightIcon />}
        disabled={!nextCursor}
        onClick={() => onPage(nextCursor, page + 1)}
      >
        Next
      </Button>
    </Box>
  );
}
