// Reads the awscli's shared files (credentials and config), where many R2 users already keep an R2
// profile with `endpoint_url`. Pure parsing; the command reads the files.

export interface AwsProfile {
  readonly name: string;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  /** `endpoint_url` of the profile, or of its `s3 =` sub-section (which wins for S3). */
  readonly endpointUrl?: string;
}

type Sections = Map<string, Map<string, string>>;

/** INI as the awscli reads it: `[section]`, `key = value`, and indented `key = value` under `s3 =`. */
function parseIni(text: string): Sections {
  const sections: Sections = new Map();
  let current: Map<string, string> | undefined;
  let parentKey: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s[#;].*$/, '');
    if (/^\s*([#;].*)?$/.test(line)) {
      continue;
    }
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1].trim(), current);
      parentKey = undefined;
      continue;
    }
    const pair = /^(\s*)([^=\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(line);
    if (!pair || !current) {
      continue;
    }
    const [, indent, key, value] = pair;
    if (indent.length > 0 && parentKey !== undefined) {
      current.set(`${parentKey}.${key}`, value);
    } else {
      current.set(key, value);
      parentKey = value === '' ? key : undefined;
    }
  }
  return sections;
}

/** Profiles found in either file, by name; `[profile x]` in config and `[x]` in credentials are one. */
export function parseAwsProfiles(credentialsText: string, configText: string): AwsProfile[] {
  const merged = new Map<string, Map<string, string>>();
  const add = (name: string, values: Map<string, string>) => {
    merged.set(name, new Map([...(merged.get(name) ?? []), ...values]));
  };
  for (const [section, values] of parseIni(configText)) {
    const name = section === 'default' ? 'default' : /^profile\s+(.+)$/.exec(section)?.[1]?.trim();
    if (name) {
      add(name, values);
    }
  }
  for (const [section, values] of parseIni(credentialsText)) {
    add(section, values);
  }
  return [...merged].map(([name, values]) => ({
    name,
    accessKeyId: values.get('aws_access_key_id'),
    secretAccessKey: values.get('aws_secret_access_key'),
    endpointUrl: values.get('s3.endpoint_url') ?? values.get('endpoint_url'),
  }));
}
