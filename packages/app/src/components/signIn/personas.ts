/** The people of the demo organisation (catalog-info/org.yaml) a visitor can sign in as. */
export interface DemoPersona {
  /** The user's name in the catalog. */
  userName: string;
  displayName: string;
  /** What they do in the mesh, so a visitor knows whom to pick. */
  role: string;
}

export const demoPersonas: DemoPersona[] = [
  {
    userName: 'kwame.mensah',
    displayName: 'Kwame Mensah',
    role: 'Capital Markets analyst: a consumer looking for data',
  },
  {
    userName: 'marie.dubois',
    displayName: 'Marie Dubois',
    role: 'Brokerage data team: owns Tenancy analytics and Entity ratings',
  },
  {
    userName: 'sofia.rossi',
    displayName: 'Sofia Rossi',
    role: 'Asset data team: owns Property portfolio',
  },
  {
    userName: 'elena.petrova',
    displayName: 'Elena Petrova',
    role: 'Data Office: governance of the mesh',
  },
];
