import type { DescriptorIssue } from '@datamesh/plugin-data-mesh-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';

/** Why a contract definition could not be shown, each problem with its place in the document. */
export function ContractErrors(props: {
  title?: string;
  errors: DescriptorIssue[];
}) {
  const { title = 'This contract cannot be shown', errors } = props;
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{title}</AlertTitle>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {errors.slice(0, 10).map((error, index) => (
          <li key={index}>
            {error.path ? `${error.path}: ${error.message}` : error.message}
          </li>
        ))}
      </ul>
      {errors.length > 10 && <div>…and {errors.length - 10} more.</div>}
    </Alert>
  );
}
