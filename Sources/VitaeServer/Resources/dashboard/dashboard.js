// Vitae dashboard: upload a resume through the seed's flow, watch the job over SSE, show the
// result, and keep a live list of a queue's jobs. Plain JS, no build step, no framework.
'use strict';

const $ = (selector) => document.querySelector(selector);
const TERMINAL = new Set(['completed', 'failed']);

/** Calls the JSON API and returns `data`, or throws an Error carrying the API's message. */
async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let json = null;
  try { json = await response.json(); } catch { /* not JSON: reported below */ }
  if (!response.ok || !json || json.success === false) {
    const message = json && json.error ? json.error.message : `${method} ${path} answered ${response.status}`;
    throw new Error(message);
  }
  return json.data;
}

/** Creates an element with text and attributes; text is never parsed as HTML. */
function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of [].concat(children)) if (child) node.append(child);
  return node;
}

function show(node, visible) { node.hidden = !visible; }

function showError(node, message) {
  node.textContent = message || '';
  show(node, Boolean(message));
}

// ---------------------------------------------------------------- upload and add

/** The seed's workflow: presigned URL, PUT with the Azure header, then the blob name. */
async function upload(file) {
  const grant = await api('POST', '/api/v1/upload/presigned-url', { fileName: file.name });
  const put = await fetch(grant.uploadUrl, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: file });
  if (!put.ok) {
    let message = `Upload answered ${put.status}`;
    try { message = (await put.json()).error.message; } catch { /* keep the status */ }
    throw new Error(message);
  }
  return grant.fileName;
}

function resumeId(file) {
  const stem = file.name.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `resume-${stem || 'file'}`;
}

async function analyse(event) {
  event.preventDefault();
  const form = $('#analyse-form');
  const file = $('#resume').files[0];
  showError($('#form-error'), '');
  if (!file) {
    showError($('#form-error'), 'Choose a resume file first.');
    $('#resume').focus();
    return;
  }
  const button = $('#analyse');
  button.disabled = true;
  button.textContent = 'Uploading…';
  try {
    const data = { resumeId: resumeId(file), fileName: await upload(file) };
    const jobText = $('#job-text').value.trim();
    const jobFile = $('#job-file').files[0];
    if (jobText) data.job = jobText;
    else if (jobFile) data.jobFileName = await upload(jobFile);
    const queueName = $('#queue').value;
    const job = await api('POST', '/api/v1/queue/add', { queueName, jobName: 'analyze-resume', data });
    monitor.watch(job.jobId, queueName);
    form.reset();
    $('#job-details').open = false;
    setDropState();
  } catch (error) {
    showError($('#form-error'), error.message);
  } finally {
    button.disabled = false;
    button.textContent = 'Analyse';
  }
}

function setDropState(over = false) {
  const file = $('#resume').files[0];
  $('#drop').dataset.state = over ? 'over' : file ? 'chosen' : 'empty';
  $('#drop-hint').textContent = file ? `Chosen: ${file.name}` : 'Drop a file here or choose one.';
}

function setUpDropZone() {
  const drop = $('#drop');
  drop.addEventListener('dragover', (event) => { event.preventDefault(); setDropState(true); });
  drop.addEventListener('dragleave', () => setDropState());
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer.files.length) $('#resume').files = event.dataTransfer.files;
    setDropState();
  });
  $('#resume').addEventListener('change', () => setDropState());
}

// ---------------------------------------------------------------- one job, live

/**
 * Watches one job. The EventSource is left to reconnect by itself after a dropped connection:
 * it sends Last-Event-ID and the server replays what was missed. It is closed on the terminal
 * event (and the server would answer a further reconnect with 204 anyway).
 */
const monitor = {
  source: null,
  jobId: null,
  eventIds: [],

  watch(jobId, queueName) {
    this.stop();
    this.jobId = jobId;
    this.eventIds = [];
    show($('#progress-card'), true);
    show($('#result-card'), false);
    showError($('#job-error'), '');
    $('#job-id').textContent = jobId;
    $('#steps').replaceChildren();
    $('#progress-card').dataset.status = 'connecting';
    this.render({ progress: 0, stage: null, message: 'Connecting…' });
    const source = new EventSource(`/api/v1/sse/job/${encodeURIComponent(jobId)}?queueName=${encodeURIComponent(queueName)}`);
    this.source = source;
    source.addEventListener('open', () => { $('#connection').textContent = 'Live'; });
    source.addEventListener('connected', () => { $('#connection').textContent = 'Live'; });
    source.addEventListener('job_update', (event) => this.update(event));
    source.addEventListener('error', () => {
      if (source !== this.source) return;
      $('#connection').textContent = source.readyState === EventSource.CLOSED
        ? 'Connection closed.'
        : 'Connection lost — reconnecting…';
    });
    $('#progress-card').scrollIntoView({ block: 'nearest' });
  },

  stop() {
    if (this.source) this.source.close();
    this.source = null;
  },

  update(event) {
    const data = JSON.parse(event.data);
    if (data.jobId !== this.jobId) return;
    this.eventIds.push(Number(event.lastEventId));
    $('#progress-card').dataset.status = data.status;
    $('#progress-card').dataset.eventIds = this.eventIds.join(',');
    this.render(data);
    $('#steps').append(el('li', { text: `${data.progress}% · ${data.stage || data.status} · ${data.message}` }));
    if (TERMINAL.has(data.status)) {
      this.stop();
      $('#connection').textContent = data.status === 'completed' ? 'Finished.' : 'Stopped.';
      if (data.status === 'completed') renderResult(data.result);
      else showError($('#job-error'), data.error || data.message || 'The job failed.');
    }
  },

  render({ progress, stage, message }) {
    $('#progress').value = progress;
    $('#progress-percent').textContent = `${progress}%`;
    $('#progress-stage').textContent = stage || '';
    $('#progress-message').textContent = message || '';
  },
};

// ---------------------------------------------------------------- the result

function renderResult(result) {
  const root = $('#result');
  root.replaceChildren();
  show($('#result-card'), true);
  if (!result || typeof result !== 'object') {
    root.append(el('p', { text: 'The job finished without a result.' }));
    return;
  }
  root.append(el('div', { class: 'score' }, [
    el('div', { class: 'score-value', 'aria-label': `Score ${result.score} out of 100` }, [
      el('span', { id: 'score', text: String(result.score ?? '–') }), el('small', { text: ' / 100' })]),
    result.match ? el('div', { class: 'muted', text: `Job match: ${result.match.score} / 100` }) : null,
  ]));
  root.append(breakdownSection(result.breakdown || []));
  root.append(contactSection(result.contact));
  root.append(skillsSection(result.skills || []));
  root.append(experienceSection(result.experience || [], result.totalExperienceMonths));
  root.append(educationSection(result.education || []));
  if (result.match) root.append(matchSection(result.match));
}

function section(title, ...content) {
  return el('section', {}, [el('h3', { text: title }), ...content]);
}

function breakdownSection(criteria) {
  const rows = criteria.map((c) => {
    const full = c.points >= c.maxPoints;
    return el('tr', {}, [
      el('th', { scope: 'row', text: c.label }),
      el('td', { class: `points ${full ? 'full' : 'partial'}`, text: `${c.points} / ${c.maxPoints}` }),
      el('td', {}, [el('div', { text: c.reason || '' }), c.suggestion ? el('div', { class: 'suggestion', text: `Suggestion: ${c.suggestion}` }) : null]),
    ]);
  });
  const table = el('table', { id: 'breakdown' }, [
    el('thead', {}, el('tr', {}, [el('th', { scope: 'col', text: 'Criterion' }), el('th', { scope: 'col', text: 'Points' }), el('th', { scope: 'col', text: 'Why' })])),
    el('tbody', {}, rows),
  ]);
  return section('Rubric', el('div', { class: 'table-wrap' }, table));
}

function facts(pairs) {
  const list = el('dl', { class: 'facts' });
  for (const [term, value] of pairs) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) continue;
    list.append(el('dt', { text: term }), el('dd', { text: Array.isArray(value) ? value.join(', ') : String(value) }));
  }
  return list.children.length ? list : el('p', { class: 'muted', text: 'Nothing found.' });
}

function contactSection(contact) {
  const c = contact || {};
  return section('Contact', facts([
    ['Name', c.name], ['Email', c.emails], ['Phone', c.phones], ['Location', c.location],
    ['Links', (c.links || []).map((link) => link.url)],
  ]));
}

function skillsSection(skills) {
  if (!skills.length) return section('Skills', el('p', { class: 'muted', text: 'No skills found.' }));
  return section('Skills', el('ul', { class: 'chips', id: 'skills' },
    skills.map((s) => el('li', { title: s.category, text: s.name }))));
}

function period(start, end, current) {
  return `${start || '?'} – ${current ? 'present' : end || '?'}`;
}

function experienceSection(positions, months) {
  const total = Number.isFinite(months) ? ` (${Math.floor(months / 12)} y ${months % 12} m in total)` : '';
  if (!positions.length) return section(`Experience${total}`, el('p', { class: 'muted', text: 'No positions found.' }));
  return section(`Experience${total}`, el('ul', { class: 'plain' }, positions.map((p) => el('li', {}, [
    el('strong', { text: [p.title, p.company].filter(Boolean).join(' · ') || 'Position' }),
    el('div', { class: 'muted', text: [period(p.start, p.end, p.current), p.location].filter(Boolean).join(' · ') }),
  ]))));
}

function educationSection(entries) {
  if (!entries.length) return section('Education', el('p', { class: 'muted', text: 'No education found.' }));
  return section('Education', el('ul', { class: 'plain' }, entries.map((e) => el('li', {}, [
    el('strong', { text: e.degree || e.level || 'Degree' }),
    el('div', { class: 'muted', text: [e.institution, e.graduationYear, e.gpa ? `GPA ${e.gpa}` : null].filter(Boolean).join(' · ') }),
  ]))));
}

function matchSection(match) {
  const coverage = Number.isFinite(match.keywordCoverage) ? `${Math.round(match.keywordCoverage * 100)}%` : '–';
  const parts = [facts([['Match score', `${match.score} / 100`], ['Keyword coverage', coverage]])];
  // The posting's skills, as the analyzer split them: found ones first, then the gaps to close.
  for (const [title, skills, missing] of [
    ['Required skills you have', match.requiredSkills && match.requiredSkills.found, false],
    ['Required skills missing', match.requiredSkills && match.requiredSkills.missing, true],
    ['Preferred skills you have', match.preferredSkills && match.preferredSkills.found, false],
    ['Preferred skills missing', match.preferredSkills && match.preferredSkills.missing, true],
  ]) {
    if (!skills || !skills.length) continue;
    parts.push(el('h4', { text: title }),
      el('ul', { class: missing ? 'chips missing' : 'chips' }, skills.map((skill) => el('li', { text: skill }))));
  }
  return section('Job match', ...parts);
}

// ---------------------------------------------------------------- a queue's jobs, live

const STATE_OF_STATUS = { queued: 'waiting', started: 'active', in_progress: 'active', completed: 'completed', failed: 'failed' };
const COUNT_NAMES = ['waiting', 'active', 'completed', 'failed', 'cancelled'];

/**
 * The jobs table follows `GET /api/v1/sse/queue/:queueName`: `queue_stats` updates the counts and
 * every `job_update` its row. On each (re)connection the list is loaded once, so nothing polls.
 */
const jobsView = {
  source: null,
  queueName: null,
  rows: new Map(),

  follow(queueName) {
    if (this.source) this.source.close();
    this.queueName = queueName;
    this.rows.clear();
    $('#jobs tbody').replaceChildren();
    $('#jobs-queue').textContent = queueName;
    const source = new EventSource(`/api/v1/sse/queue/${encodeURIComponent(queueName)}`);
    this.source = source;
    source.addEventListener('connected', () => {
      $('#jobs-connection').textContent = 'Live';
      this.reload();
    });
    source.addEventListener('queue_stats', (event) => this.renderCounts(JSON.parse(event.data)));
    source.addEventListener('job_update', (event) => this.update(JSON.parse(event.data)));
    source.addEventListener('error', () => {
      if (source === this.source) $('#jobs-connection').textContent = 'Connection lost — reconnecting…';
    });
  },

  async reload() {
    try {
      const stats = await api('GET', `/api/v1/queue/${encodeURIComponent(this.queueName)}/stats`);
      this.renderCounts(stats.counts);
      const body = $('#jobs tbody');
      body.replaceChildren();
      this.rows.clear();
      for (const job of stats.recent) body.append(this.row(job));
      showError($('#jobs-error'), '');
    } catch (error) {
      showError($('#jobs-error'), error.message);
    }
  },

  renderCounts(counts) {
    $('#counts').replaceChildren(...COUNT_NAMES.map((name) => el('div', { 'data-state': name }, [
      el('dt', { text: name }), el('dd', { text: String(counts[name] ?? 0) })])));
  },

  /** A job as the stats endpoint gives it: {jobId, state, progress, stage, message, error}. */
  row(job) {
    const tr = el('tr', { 'data-job-id': job.jobId });
    this.rows.set(job.jobId, tr);
    this.fill(tr, job);
    return tr;
  },

  fill(tr, job) {
    const message = job.state === 'failed' || job.state === 'cancelled' ? (job.error || job.message) : job.message;
    if (tr.dataset.state === job.state && tr.cells.length) {
      // Same state: update the text and bar in place, so a focused button keeps its focus.
      tr.querySelector('.job-message').textContent = message || '';
      tr.querySelector('progress').value = job.progress ?? 0;
      tr.querySelector('.percent').textContent = ` ${job.progress ?? 0}%`;
      return;
    }
    tr.dataset.state = job.state;
    const actions = el('div', { class: 'actions' });
    if (job.state === 'completed' || job.state === 'active' || job.state === 'waiting') {
      actions.append(this.button('View', 'secondary', `View job ${job.jobId}`, () => monitor.watch(job.jobId, this.queueName)));
    }
    if (job.state === 'failed' || job.state === 'cancelled') {
      actions.append(this.button('Retry', 'secondary', `Retry job ${job.jobId}`, () => this.act('POST', job.jobId, 'retry')));
    }
    if (job.state === 'waiting' || job.state === 'active') {
      actions.append(this.button('Cancel', 'danger', `Cancel job ${job.jobId}`, () => this.act('DELETE', job.jobId)));
    }
    tr.replaceChildren(
      el('td', {}, [el('div', { text: job.jobId }), el('div', { class: 'job-message', text: message || '' })]),
      el('td', {}, el('span', { class: `state state-${job.state}`, text: job.state })),
      el('td', {}, [el('progress', { max: '100', value: String(job.progress ?? 0), 'aria-label': `Progress of ${job.jobId}` }),
        el('span', { class: 'percent', text: ` ${job.progress ?? 0}%` })]),
      el('td', {}, actions),
    );
  },

  button(label, kind, accessibleName, onClick) {
    const button = el('button', { type: 'button', class: `small ${kind}`, 'aria-label': accessibleName, text: label });
    button.addEventListener('click', onClick);
    return button;
  },

  async act(method, jobId, action) {
    const path = `/api/v1/queue/${encodeURIComponent(this.queueName)}/jobs/${encodeURIComponent(jobId)}${action ? `/${action}` : ''}`;
    try {
      await api(method, path);
      showError($('#jobs-error'), '');
    } catch (error) {
      showError($('#jobs-error'), error.message);
    }
  },

  update(update) {
    const state = update.errorCode === 'cancelled' ? 'cancelled' : STATE_OF_STATUS[update.status] || update.status;
    const job = { jobId: update.jobId, state, progress: update.progress, message: update.message, error: update.error };
    const existing = this.rows.get(update.jobId);
    if (existing) {
      this.fill(existing, job);
    } else {
      $('#jobs tbody').prepend(this.row(job));
    }
  },
};

// ---------------------------------------------------------------- start

async function start() {
  setUpDropZone();
  $('#analyse-form').addEventListener('submit', analyse);
  try {
    const queues = await api('GET', '/api/v1/queues');
    const select = $('#queue');
    for (const queue of queues) {
      select.append(el('option', { value: queue.queueName, text: queue.queueName }));
    }
    const wanted = new URLSearchParams(location.search).get('queue');
    select.value = queues.some((q) => q.queueName === wanted) ? wanted
      : queues.some((q) => q.queueName === 'resume-analysis') ? 'resume-analysis' : queues[0].queueName;
    select.addEventListener('change', () => jobsView.follow(select.value));
    jobsView.follow(select.value);
  } catch (error) {
    showError($('#form-error'), `Could not load the queues: ${error.message}`);
  }
}

// Tests read the live state through this handle.
window.vitaeDashboard = { monitor, jobsView };
start();
