import { arch, cpus, platform } from "node:os";

export interface Environment {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  date: string;
}

export function currentEnvironment(): Environment {
  const cores = cpus();
  return {
    node: process.version,
    cpu: cores[0]?.model.trim() ?? "unknown",
    cores: cores.length,
    platform: `${platform()}-${arch()}`,
    date: new Date().toISOString(),
  };
}
