/**
 * Loaded (`node --require`) into the API and the worker that the launcher starts, so they end when
 * the launcher does, also when it is killed outright and has no chance to stop them. The launcher
 * holds the other end of an IPC channel, which the operating system closes whenever the launcher
 * ends; the process then shuts down as on SIGTERM, and is ended for good after a grace period.
 */
const GRACE_MS = 20_000;

if (process.channel) {
  process.once('disconnect', () => {
    // The launcher's ends of stdout and stderr are gone too: logging must not fail the shutdown.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
    setTimeout(() => process.exit(1), GRACE_MS).unref();
    process.kill(process.pid, 'SIGTERM');
  });
  // The channel is only a lifeline: it must not keep alive a process that has finished its work.
  process.channel.unref();
}
