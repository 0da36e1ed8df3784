import { strict as assert } from 'node:assert';
import { parseAwsProfiles } from '../../../src/accounts/awsProfiles';

const CREDENTIALS = `
[default]
aws_access_key_id = AKIADEFAULT
aws_secret_access_key = default/secret

# R2 token
[r2]
aws_access_key_id=r2key   ; trailing comment
aws_secret_access_key=r2secret
`;

const CONFIG = `
[default]
region = us-east-1

[profile r2]
region = auto
endpoint_url = https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com

[profile nested]
s3 =
  endpoint_url = http://127.0.0.1:9000
  addressing_style = path
`;

describe('parseAwsProfiles', () => {
  it('merges credentials and config by profile name', () => {
    const profiles = parseAwsProfiles(CREDENTIALS, CONFIG);
    assert.deepEqual(
      profiles.find((p) => p.name === 'r2'),
      {
        name: 'r2',
        accessKeyId: 'r2key',
        secretAccessKey: 'r2secret',
        endpointUrl: 'https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com',
      },
    );
    assert.equal(profiles.find((p) => p.name === 'default')?.secretAccessKey, 'default/secret');
  });

  it('reads endpoint_url from an s3 sub-section', () => {
    assert.equal(parseAwsProfiles('', CONFIG).find((p) => p.name === 'nested')?.endpointUrl, 'http://127.0.0.1:9000');
  });

  it('finds nothing in empty files', () => {
    assert.deepEqual(parseAwsProfiles('', ''), []);
  });
});
