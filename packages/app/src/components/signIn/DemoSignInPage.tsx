import { useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import type { IdentityApi, SignInPageProps } from '@backstage/core-plugin-api';
import {
  Button,
  Grid,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@material-ui/core';
import { demoPersonas } from './personas';

/** Remembers whom the visitor signed in as, so a reload keeps them signed in. */
const STORAGE_KEY = 'datamesh.demo.signInAs';
const GUEST = 'guest';

/** Forgets the choice on sign-out, so the visitor can pick someone else. */
function forgettingOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      window.localStorage.removeItem(STORAGE_KEY);
      await identity.signOut();
    },
  };
}

/**
 * The demo portal's sign-in: as a guest, or as one of the demo organisation's people
 * (auth provider `demo-personas`), so the marketplace's two sides (the consumer who asks,
 * the owner who decides) can both be tried.
 */
export function DemoSignInPage(props: SignInPageProps) {
  const [choice, setChoice] = useState(() =>
    window.localStorage.getItem(STORAGE_KEY),
  );
  const onSignInSuccess = (identity: IdentityApi) =>
    props.onSignInSuccess(forgettingOnSignOut(identity));
  const choose = (value: string) => {
    window.localStorage.setItem(STORAGE_KEY, value);
    setChoice(value);
  };

  if (choice) {
    // Both providers are proxy providers: the backend answers a refresh with a session.
    const asGuest = choice === GUEST;
    return (
      <ProxiedSignInPage
        provider={asGuest ? 'guest' : 'demo-personas'}
        headers={asGuest ? undefined : { 'x-datamesh-persona': choice }}
        onSignInSuccess={onSignInSuccess}
        ErrorComponent={({ error }) => (
          <PersonaPicker
            onChoose={choose}
            error={`Could not sign in as ${choice}: ${error?.message}`}
          />
        )}
      />
    );
  }
  return <PersonaPicker onChoose={choose} />;
}

function PersonaPicker(props: {
  onChoose: (value: string) => void;
  error?: string;
}) {
  return (
    <Page themeId="home">
      <Header title="Premium Offices data mesh" subtitle="Demo portal" />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <InfoCard title="Sign in as a person of Premium Offices">
              {props.error && (
                <Typography color="error" role="alert">
                  {props.error}
                </Typography>
              )}
              <List>
                {demoPersonas.map(persona => (
                  <ListItem
                    key={persona.userName}
                    button
                    onClick={() => props.onChoose(persona.userName)}
                    aria-label={`Sign in as ${persona.displayName}`}
                  >
                    <ListItemText
                      primary={persona.displayName}
                      secondary={persona.role}
                    />
                  </ListItem>
                ))}
              </List>
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <InfoCard title="Or look around as a guest">
              <Typography paragraph>
                A guest is signed in but belongs to no team of the catalog.
              </Typography>
              <Button
                variant="contained"
                color="primary"
                onClick={() => props.onChoose(GUEST)}
              >
                Enter as guest
              </Button>
            </InfoCard>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
