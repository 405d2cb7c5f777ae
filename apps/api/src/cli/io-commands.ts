import type { Command } from 'commander';

/** `import` and `export` subcommands (org registries ↔ xlsx / GeoJSON). */
export function registerIoCommands(program: Command): void {
  void program;
}
