/** An access level in words, as printed on the badge. */
export const ACCESS_LEVEL_LABEL: Record<string, string> = {
  FULL_CONFERENCE: 'Full conference',
  EXPO_ONLY: 'Expo only',
  SPEAKER: 'Speaker',
  PRESS: 'Press',
  EXHIBITOR: 'Exhibitor',
  STAFF: 'Staff',
};

export const accessLevelLabel = (level: string) =>
  ACCESS_LEVEL_LABEL[level] ?? level.charAt(0) + level.slice(1).toLowerCase().replace(/_/g, ' ');
