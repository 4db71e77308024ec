//! The JSON API under `/api/v1` (described by `openapi.json`): meetings, proposals, cases,
//! decisions and tasks, letters. Errors are JSON (`errors::ApiError`).

pub mod about;
pub mod followup;
pub mod letters;
pub mod listing;
pub mod meetings;
pub mod proposals;
pub mod register;
pub mod search;

route_table!("/api/v1";
    get "/meetings" => meetings::index;
    get "/meetings/{id}" => meetings::show;
    get "/me" => about::me;
    post "/proposals/parse" => proposals::parse;
    get "/proposals" => proposals::index;
    post "/proposals" => proposals::create;
    get "/proposals/{id}" => proposals::show;
    patch "/proposals/{id}" => proposals::update;
    post "/proposals/{id}/submit" => proposals::submit;
    get "/cases/{reference}" => proposals::case;
    post "/agenda-items/{id}/decision" => followup::record_decision;
    get "/tasks" => followup::list_tasks;
    post "/tasks" => followup::create_task;
    get "/tasks/{id}" => followup::show_task;
    patch "/tasks/{id}" => followup::update_task;
    get "/agenda-items/{id}/task-suggestions" => followup::task_suggestions;
    get "/search" => search::search;
    get "/letters" => letters::index;
    get "/letters/{id}" => letters::show;
    get "/organizations" => register::organizations;
    post "/organizations" => register::create_organization;
    get "/organizations/{id}" => register::organization;
    patch "/organizations/{id}" => register::update_organization;
    get "/persons" => register::persons;
    post "/persons" => register::create_person;
    get "/persons/{id}" => register::person;
    patch "/persons/{id}" => register::update_person;
    post "/memberships" => register::create_membership;
    patch "/memberships/{id}" => register::update_membership;
    get "/openapi.json" => about::openapi;
);
