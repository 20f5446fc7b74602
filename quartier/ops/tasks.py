from django_tasks import task

from .runs import job_run_execute


@task()
def run_scheduled_job(*, run_id: int) -> str:
    """Run one claimed period of a scheduled job (queued by the worker's scheduler)."""
    return job_run_execute(run_id=run_id)
