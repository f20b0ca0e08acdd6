#!/usr/bin/env bash
# A real single-node Slurm on this machine, started and stopped here: munged,
# slurmctld and slurmd with a configuration of their own (own ports, own
# folders, nothing of the system's touched), then tools/slurm/submit runs a
# batch as a job array of 3 shards and a dependent merge job, and the merged
# CSVs must equal one whole run's, byte for byte.
#
#   slurm_test.sh LISTAUDIT SUBMIT DATA_SAMPLES
set -euo pipefail
listaudit=$1 submit=$2 samples=$3
if [ "$(id -u)" -ne 0 ]; then
  echo "slurm test: slurmd needs root to start jobs as their user; skipped" >&2
  exit 77
fi
dir=$(mktemp -d /tmp/listaudit-slurm-XXXXXX)
cleanup() {
  set +e
  SLURM_CONF=$dir/slurm.conf scontrol shutdown >/dev/null 2>&1
  sleep 1
  for pid in "$dir"/slurmctld.pid "$dir"/slurmd.pid "$dir"/munge/munged.pid; do
    [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null
  done
  rm -rf "$dir"
}
trap cleanup EXIT

mkdir -p "$dir/munge" "$dir/spool" "$dir/state" "$dir/batch"
chmod 700 "$dir/munge"
mungekey --create --keyfile "$dir/munge/munge.key"
munged -f --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed"

host=$(hostname -s)
# Ports of this test's own, away from a system Slurm's 6817/6818.
port=$((20000 + $$ % 20000))
cat > "$dir/slurm.conf" <<CONF
ClusterName=listaudit-test
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
SlurmdSpoolDir=$dir/spool
StateSaveLocation=$dir/state
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$dir/slurm.conf
slurmctld -i
slurmd
for _ in $(seq 1 30); do
  sinfo -h -o %T 2>/dev/null | grep -q idle && break
  sleep 1
done
sinfo

# The sample batch with a third list (a copy of the second), so that three
# shards each hold one.
cp -r "$samples/scans" "$samples/digital" "$dir/batch/"
{ cat "$samples/manifest.csv"; tail -n 1 "$samples/manifest.csv" | sed 's/^L02-RS/L03-RS/'; } > "$dir/batch/manifest.csv"
registers="--population $samples/population.csv --consent $samples/consent.csv --complaints $samples/complaints.csv"
# shellcheck disable=SC2086
"$listaudit" run --manifest "$dir/batch/manifest.csv" --out "$dir/whole" $registers --cache "$dir/cache" --quiet
# shellcheck disable=SC2086
ids=$("$submit" --manifest "$dir/batch/manifest.csv" --out "$dir/merged" --work "$dir/work" --shards 3 \
  --listaudit "$listaudit" $registers)
echo "$ids"
merge=${ids##* }
for _ in $(seq 1 300); do
  [ -z "$(squeue -h 2>/dev/null)" ] && break
  sleep 1
done
ls "$dir/work"
cat "$dir"/work/*.log || true
for f in rows.csv lists.csv errors.csv; do
  cmp "$dir/whole/$f" "$dir/merged/$f"
done
echo "slurm test: merge job $merge wrote the whole run's rows.csv, lists.csv and errors.csv"
