-- Every hand-out of the recovery secret (issue 22 item 5): the answer to a password sign-in that
-- carries it lets that device open its data without the PIN, so each one is recorded with the
-- device and shown in the console's device list (auth/wrap-secret.ts, auth/devices.ts).
CREATE TABLE device_recoveries (
  user_id text NOT NULL,
  device_id text NOT NULL,
  recovered_at timestamptz NOT NULL,
  FOREIGN KEY (user_id, device_id) REFERENCES devices (user_id, device_id) ON DELETE CASCADE
);
CREATE INDEX device_recoveries_by_device ON device_recoveries (user_id, device_id, recovered_at);
