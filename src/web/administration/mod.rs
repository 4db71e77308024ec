//! An administration's side of follow-up: answering a task through its emailed link, or
//! logged in through `/my/tasks`.

pub mod answer;
pub mod my_tasks;

route_table!("";
    get "/tasks/answer/{token}" => answer::show;
    post "/tasks/answer/{token}" => answer::submit;
    post "/tasks/answer/{token}/files" => answer::upload;
    get "/tasks/answer/{token}/files/{file}" => answer::file;
    get "/my/tasks" => my_tasks::list;
    get "/my/tasks/{id}" => my_tasks::show;
    post "/my/tasks/{id}" => my_tasks::submit;
    post "/my/tasks/{id}/files" => my_tasks::upload;
    get "/my/tasks/{id}/files/{file}" => my_tasks::file;
);
